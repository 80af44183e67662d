"""The artisan's last moment on the live chat's socket, so that advisors see whether they are still there.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("live_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("artisan_seen_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("artisan_connected", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("live_sessions", schema=None) as batch_op:
        batch_op.drop_column("artisan_connected")
        batch_op.drop_column("artisan_seen_at")
