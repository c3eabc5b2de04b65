"""One palette for the live map, the PNG/GIF snapshots and the legend.

Colour-blind-safe (Okabe-Ito hues). A claim uses the capture's hue in a lighter
tone *and* a hatch, so it never reads as a confirmed capture, even in greyscale.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StatusStyle:
    status: str
    label: str
    fill: str  # hex fill colour
    edge: str  # hex outline colour
    hatch: str  # matplotlib hatch pattern ("" for none)
    description: str


STATUS_STYLES: dict[str, StatusStyle] = {
    style.status: style
    for style in (
        StatusStyle(
            "captured",
            "Captured",
            "#D55E00",
            "#7A2E00",
            "",
            "Taken, per officials, locals or the reporter",
        ),
        StatusStyle(
            "claimed",
            "Claimed",
            "#F7C9A9",
            "#D55E00",
            "///",
            "Only the Taliban claim it, or unconfirmed",
        ),
        StatusStyle(
            "contested", "Contested", "#E69F00", "#8A5F00", "..", "Fighting in or for the city"
        ),
        StatusStyle(
            "retaken", "Retaken", "#0072B2", "#003F63", "", "Government forces took it back"
        ),
        StatusStyle(
            "held",
            "No reported change",
            "#E9E9E4",
            "#8C8C8C",
            "",
            "No report of a change in control",
        ),
    )
}

# Order in legends and in the control ladder (strongest first).
STATUS_ORDER: tuple[str, ...] = ("captured", "claimed", "contested", "retaken", "held")

BOUNDARY_ATTRIBUTION = "Boundaries: Natural Earth (public domain)"
