"""The statistics page and its CSV export (supervisors)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from cases.models import User, utcnow
from inbox.charts import first_contact_bars, urgency_mix_bars, weekly_categories_chart
from inbox.context import context_of
from inbox.deps import page_supervisor
from inbox.exports import csv_export
from inbox.pages.rendering import render

router = APIRouter()


@router.get("/inbox/statistiques", response_class=HTMLResponse, include_in_schema=False)
def statistics_page(request: Request, semaines: int = 12, user: User = Depends(page_supervisor)) -> HTMLResponse:
    weeks = max(1, min(semaines, 104))
    context = context_of(request)
    stats = context.statistics.weekly(user, weeks=weeks, zone=context.zone_of(user))
    return render(
        request,
        "stats.html",
        user=user,
        stats=stats,
        weeks=weeks,
        weekly=weekly_categories_chart(stats),
        urgency_bars=urgency_mix_bars(stats),
        contact_bars=first_contact_bars(stats),
    )


@router.get("/inbox/statistiques.csv", include_in_schema=False)
def statistics_csv(request: Request, user: User = Depends(page_supervisor)) -> Response:
    context = context_of(request)
    rows = context.statistics.export_rows(user, zone=context.zone_of(user))
    filename = f"relais-dossiers-{utcnow():%Y-%m-%d}.csv"
    return Response(
        csv_export(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
