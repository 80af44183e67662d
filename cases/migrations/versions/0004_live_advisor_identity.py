"""Each advisor's own name and role word in the live chat ("Paul, conseiller de la chambre, ..."), which the
chamber's one word (live_chat.advisor_role) decided for everyone until now.

The existing accounts start with their chamber's word (the configuration of that chamber, read here once);
an account of a chamber without a readable configuration keeps None, which the live chat reads as the
chamber's word anyway. The name starts as None: the first word of the account's name.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 01:15:00
"""

import logging

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)


def _chamber_role_words() -> dict[str, str]:
    try:
        from chamber import load_all_chambers, load_chamber

        chambers = {chamber.id: chamber for chamber in load_all_chambers()}
        default = load_chamber()
        chambers.setdefault(default.id, default)
    except Exception:  # a migration must not fail on the configuration: None reads as the chamber's word
        log.exception("chamber configurations unreadable: the advisors' role words stay the chamber's")
        return {}
    return {chamber_id: chamber.live_advisor_role for chamber_id, chamber in chambers.items()}


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("live_name", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("live_role", sa.String(length=60), nullable=True))
    users = sa.table("users", sa.column("chamber_id", sa.String), sa.column("live_role", sa.String))
    for chamber_id, role_word in _chamber_role_words().items():
        op.execute(
            users.update()
            .where(users.c.chamber_id == chamber_id, users.c.live_role.is_(None))
            .values(live_role=role_word)
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("live_role")
        batch_op.drop_column("live_name")
