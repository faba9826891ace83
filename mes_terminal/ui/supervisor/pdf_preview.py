"""A PDF shown as pictures of its pages (QtPdf renders them), for the print preview."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

PAGE_GAP = 12


def render_pages(data: bytes, width: int) -> list[QImage]:
    """Every page of the PDF `data` as an image `width` pixels wide; no pages when it cannot be read."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready:
            return []
        images = []
        for index in range(document.pageCount()):
            points = document.pagePointSize(index)
            height = round(width * points.height() / points.width()) if points.width() else width
            images.append(document.render(index, QSize(width, height)))
        return images
    finally:
        document.close()
        buffer.close()


class PdfPreview(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._pages = QWidget(self)
        self._layout = QVBoxLayout(self._pages)
        self._layout.setSpacing(PAGE_GAP)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._pages)
        self.page_count = 0

    def show_pdf(self, data: bytes, width: int = 560) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        images = render_pages(data, width)
        self.page_count = len(images)
        if not images:
            self._layout.addWidget(QLabel(self.tr("The preview cannot be shown."), self._pages))
        for image in images:
            page = QLabel(self._pages)
            page.setObjectName("previewPage")
            page.setPixmap(QPixmap.fromImage(image))
            page.setStyleSheet("border: 1px solid #8c959f; background: #ffffff;")
            self._layout.addWidget(page)
