################################################################################
## Form generated from reading UI file 'downtime_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class Ui_DowntimeDialog:
    def setupUi(self, DowntimeDialog):
        if not DowntimeDialog.objectName():
            DowntimeDialog.setObjectName("DowntimeDialog")
        DowntimeDialog.resize(960, 700)
        self.dialogLayout = QVBoxLayout(DowntimeDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName("dialogLayout")
        self.dialogLayout.setContentsMargins(18, 12, 18, 12)
        self.titleLabel = QLabel(DowntimeDialog)
        self.titleLabel.setObjectName("titleLabel")
        self.titleLabel.setText("Why does the station stop?")
        self.titleLabel.setWordWrap(True)
        self.titleLabel.setProperty("role", "title")

        self.dialogLayout.addWidget(self.titleLabel)

        self.hintLabel = QLabel(DowntimeDialog)
        self.hintLabel.setObjectName("hintLabel")
        self.hintLabel.setText("")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setProperty("role", "hint")

        self.dialogLayout.addWidget(self.hintLabel)

        self.breadcrumbLabel = QLabel(DowntimeDialog)
        self.breadcrumbLabel.setObjectName("breadcrumbLabel")
        self.breadcrumbLabel.setText("All reasons")
        self.breadcrumbLabel.setWordWrap(True)
        self.breadcrumbLabel.setProperty("role", "value")

        self.dialogLayout.addWidget(self.breadcrumbLabel)

        self.pages = QStackedWidget(DowntimeDialog)
        self.pages.setObjectName("pages")
        self.treePage = QWidget()
        self.treePage.setObjectName("treePage")
        self.treePageLayout = QVBoxLayout(self.treePage)
        self.treePageLayout.setObjectName("treePageLayout")
        self.treePageLayout.setContentsMargins(0, 0, 0, 0)
        self.reasonArea = QScrollArea(self.treePage)
        self.reasonArea.setObjectName("reasonArea")
        self.reasonArea.setWidgetResizable(True)
        self.reasonArea.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reasonPanel = QWidget()
        self.reasonPanel.setObjectName("reasonPanel")
        self.reasonGrid = QGridLayout(self.reasonPanel)
        self.reasonGrid.setObjectName("reasonGrid")
        self.reasonGrid.setHorizontalSpacing(10)
        self.reasonGrid.setVerticalSpacing(10)
        self.reasonArea.setWidget(self.reasonPanel)

        self.treePageLayout.addWidget(self.reasonArea)

        self.pages.addWidget(self.treePage)
        self.commentPage = QWidget()
        self.commentPage.setObjectName("commentPage")
        self.commentPageLayout = QVBoxLayout(self.commentPage)
        self.commentPageLayout.setSpacing(8)
        self.commentPageLayout.setObjectName("commentPageLayout")
        self.commentPageLayout.setContentsMargins(0, 0, 0, 0)
        self.commentCaption = QLabel(self.commentPage)
        self.commentCaption.setObjectName("commentCaption")
        self.commentCaption.setProperty("role", "caption")

        self.commentPageLayout.addWidget(self.commentCaption)

        self.commentEdit = QLineEdit(self.commentPage)
        self.commentEdit.setObjectName("commentEdit")
        self.commentEdit.setReadOnly(True)
        self.commentEdit.setMaxLength(200)

        self.commentPageLayout.addWidget(self.commentEdit)

        self.keyboardHolder = QVBoxLayout()
        self.keyboardHolder.setObjectName("keyboardHolder")

        self.commentPageLayout.addLayout(self.keyboardHolder)

        self.commentPageLayout.setStretch(2, 1)
        self.pages.addWidget(self.commentPage)

        self.dialogLayout.addWidget(self.pages)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(12)
        self.buttonRow.setObjectName("buttonRow")
        self.backButton = QPushButton(DowntimeDialog)
        self.backButton.setObjectName("backButton")
        self.backButton.setProperty("role", "flat")

        self.buttonRow.addWidget(self.backButton)

        self.cancelButton = QPushButton(DowntimeDialog)
        self.cancelButton.setObjectName("cancelButton")

        self.buttonRow.addWidget(self.cancelButton)

        self.confirmButton = QPushButton(DowntimeDialog)
        self.confirmButton.setObjectName("confirmButton")
        self.confirmButton.setText("Stop the station")
        self.confirmButton.setProperty("role", "stop")

        self.buttonRow.addWidget(self.confirmButton)

        self.dialogLayout.addLayout(self.buttonRow)

        self.dialogLayout.setStretch(3, 1)

        self.retranslateUi(DowntimeDialog)

    # setupUi

    def retranslateUi(self, DowntimeDialog):
        DowntimeDialog.setWindowTitle(QCoreApplication.translate("DowntimeDialog", "Downtime", None))
        self.commentCaption.setText(
            QCoreApplication.translate("DowntimeDialog", "Comment (optional): what happened?", None)
        )
        self.backButton.setText(QCoreApplication.translate("DowntimeDialog", "\u2039 Back", None))
        self.cancelButton.setText(QCoreApplication.translate("DowntimeDialog", "Cancel", None))

    # retranslateUi
