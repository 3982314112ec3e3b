"""Draw Clerk's neutral crest and application icon (run by hand; the PNG and ICO are committed).

    python packaging/make_images.py

The crest stands in for a council's own in the built-in house styles: a council puts its real
crest into its copy of the Word template. It is drawn rather than downloaded so that its licence
is ours.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
NAVY, GOLD, PAPER = QColor("#1f3a5f"), QColor("#c9a227"), QColor("#fbfaf5")


def shield(width: float, height: float) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(0, 0)
    path.lineTo(width, 0)
    path.lineTo(width, height * 0.55)
    path.cubicTo(width, height * 0.8, width * 0.7, height * 0.92, width / 2, height)
    path.cubicTo(width * 0.3, height * 0.92, 0, height * 0.8, 0, height * 0.55)
    path.closeSubpath()
    return path


def book(painter: QPainter, centre: QPointF, size: float) -> None:
    """An open book: the minute book."""
    half = size / 2
    for side in (-1, 1):
        page = QPainterPath()
        page.moveTo(centre)
        page.cubicTo(
            QPointF(centre.x() + side * half * 0.4, centre.y() - size * 0.12),
            QPointF(centre.x() + side * half * 0.8, centre.y() - size * 0.12),
            QPointF(centre.x() + side * half, centre.y() - size * 0.05),
        )
        page.lineTo(centre.x() + side * half, centre.y() + size * 0.45)
        page.cubicTo(
            QPointF(centre.x() + side * half * 0.8, centre.y() + size * 0.38),
            QPointF(centre.x() + side * half * 0.4, centre.y() + size * 0.38),
            QPointF(centre.x(), centre.y() + size * 0.5),
        )
        page.closeSubpath()
        painter.setBrush(PAPER)
        painter.setPen(QPen(GOLD, size * 0.025))
        painter.drawPath(page)
        painter.setPen(QPen(NAVY, size * 0.02))
        for line in range(4):
            y = centre.y() + size * (0.06 + line * 0.08)
            painter.drawLine(
                QPointF(centre.x() + side * half * 0.18, y),
                QPointF(centre.x() + side * half * 0.82, y - size * 0.02),
            )


def draw(size: int, *, with_book: bool = True) -> QImage:
    image = QImage(size, int(size * 1.18), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.04
    width, height = size - 2 * margin, image.height() - 2 * margin
    painter.translate(margin, margin)
    painter.setBrush(NAVY)
    painter.setPen(QPen(GOLD, size * 0.045))
    painter.drawPath(shield(width, height))
    # a gold chief (the band across the top) with three roundels
    chief = QRectF(0, 0, width, height * 0.2)
    painter.setBrush(GOLD)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRect(chief)
    painter.setBrush(NAVY)
    for n in range(3):
        r = height * 0.055
        painter.drawEllipse(QPointF(width * (0.25 + 0.25 * n), height * 0.1), r, r)
    if with_book:
        book(painter, QPointF(width / 2, height * 0.42), width * 0.62)
    painter.end()
    return image


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def square(size: int) -> QImage:
    """The shield centred on a transparent square: the application icon at one size."""
    shield = draw(int(size / 1.18), with_book=size >= 48)
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.drawImage((size - shield.width()) // 2, (size - shield.height()) // 2, shield)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def write_ico(path: Path, images: list[QImage]) -> None:
    """A Windows icon holding every size as PNG (read by Windows Vista and later)."""
    pngs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries = b""
    for image, data in zip(images, pngs, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    path.write_bytes(header + entries + b"".join(pngs))


def main() -> int:
    QGuiApplication(sys.argv)
    images = RESOURCES / "images"
    images.mkdir(parents=True, exist_ok=True)
    crest = draw(480)
    assert crest.save(str(images / "crest.png"))
    icons = RESOURCES / "icons"
    icons.mkdir(parents=True, exist_ok=True)
    sizes = [square(size) for size in ICON_SIZES]
    assert sizes[-1].save(str(icons / "clerk.png"))
    write_ico(icons / "clerk.ico", sizes)
    for made in (images / "crest.png", icons / "clerk.png", icons / "clerk.ico"):
        print(made)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
