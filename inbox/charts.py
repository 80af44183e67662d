"""Inline SVG charts for the statistics page: geometry computed here, drawn by the template."""

from __future__ import annotations

from dataclasses import dataclass

from cases.models import CATEGORIES
from cases.statistics import Statistics
from inbox.presentation import CATEGORY_LABELS, URGENCY_LABELS

# Distinguishable colours, in the order of the triage contract's categories.
CATEGORY_COLOURS = dict(
    zip(
        (*CATEGORIES, "aucune"),
        (
            "#1f77b4",
            "#ff7f0e",
            "#2ca02c",
            "#d62728",
            "#9467bd",
            "#8c564b",
            "#e377c2",
            "#7f7f7f",
            "#bcbd22",
            "#17becf",
            "#393b79",
            "#aaaaaa",
        ),
        strict=True,  # a new category without its colour fails here, not in a chart
    )
)
URGENCY_COLOURS = {
    "critique": "#b00020",
    "haute": "#e65100",
    "normale": "#1565c0",
    "basse": "#2e7d32",
    "non_evaluee": "#757575",
}
URGENCY_ORDER = ("critique", "haute", "normale", "basse", "non_evaluee")


@dataclass
class Segment:
    y: float
    height: float
    colour: str
    title: str


@dataclass
class WeekBar:
    x: float
    label: str
    total: int
    segments: list[Segment]


@dataclass
class StackedChart:
    width: int
    height: int
    plot_height: int
    bar_width: float
    max_total: int
    bars: list[WeekBar]
    legend: list[tuple[str, str]]  # (label, colour)


def weekly_categories_chart(stats: Statistics, width: int = 720, plot_height: int = 220) -> StackedChart:
    max_total = max([sum(v.values()) for v in stats.cases_per_week.values()] + [1])
    slot = width / max(len(stats.weeks), 1)
    bars, used = [], set()
    for index, week in enumerate(stats.weeks):
        counts = stats.cases_per_week.get(week, {})
        top = float(plot_height)
        segments = []
        for category in (*CATEGORIES, "aucune"):
            count = counts.get(category, 0)
            if not count:
                continue
            used.add(category)
            height = plot_height * count / max_total
            top -= height
            label = CATEGORY_LABELS[category]
            segments.append(Segment(top, height, CATEGORY_COLOURS[category], f"{label} : {count}"))
        day, month = week[8:10], week[5:7]
        bars.append(WeekBar(index * slot + slot * 0.15, f"{day}/{month}", sum(counts.values()), segments))
    legend = [(CATEGORY_LABELS[c], CATEGORY_COLOURS[c]) for c in (*CATEGORIES, "aucune") if c in used]
    return StackedChart(width, plot_height + 40, plot_height, slot * 0.7, max_total, bars, legend)


@dataclass
class HorizontalBar:
    label: str
    value: float
    text: str
    percent: float
    colour: str


def urgency_mix_bars(stats: Statistics) -> list[HorizontalBar]:
    total = max(stats.total, 1)
    return [
        HorizontalBar(
            URGENCY_LABELS.get(u if u != "non_evaluee" else None, u),
            stats.urgency_mix.get(u, 0),
            f"{stats.urgency_mix.get(u, 0)} ({round(100 * stats.urgency_mix.get(u, 0) / total)} %)",
            100 * stats.urgency_mix.get(u, 0) / total,
            URGENCY_COLOURS[u],
        )
        for u in URGENCY_ORDER
    ]


def first_contact_bars(stats: Statistics) -> list[HorizontalBar]:
    medians = stats.median_first_contact_hours()
    longest = max([m for m in medians.values() if m is not None] + [1.0])
    bars = []
    for urgency in URGENCY_ORDER:
        median = medians.get(urgency)
        count = len(stats.first_contact_hours.get(urgency, []))
        if median is None:
            text = "aucun contact encore"
        else:
            text = f"médiane {format_hours(median)} ({count} dossier{'s' if count > 1 else ''})"
        bars.append(
            HorizontalBar(
                URGENCY_LABELS.get(urgency if urgency != "non_evaluee" else None, urgency),
                median or 0,
                text,
                100 * (median or 0) / longest,
                URGENCY_COLOURS[urgency],
            )
        )
    return bars


def format_hours(hours: float) -> str:
    if hours < 1:
        return f"{round(hours * 60)} min"
    if hours < 48:
        return f"{hours:.1f} h".replace(".", ",")
    return f"{hours / 24:.1f} j".replace(".", ",")
