################################################################################
## Form generated from reading UI file 'supervisor_quality.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
)


class Ui_SupervisorQuality:
    def setupUi(self, SupervisorQuality):
        if not SupervisorQuality.objectName():
            SupervisorQuality.setObjectName("SupervisorQuality")
        self.qualityLayout = QVBoxLayout(SupervisorQuality)
        self.qualityLayout.setObjectName("qualityLayout")
        self.splitter = QSplitter(SupervisorQuality)
        self.splitter.setObjectName("splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.ncBox = QGroupBox(self.splitter)
        self.ncBox.setObjectName("ncBox")
        self.ncLayout = QVBoxLayout(self.ncBox)
        self.ncLayout.setObjectName("ncLayout")
        self.ncView = QTableView(self.ncBox)
        self.ncView.setObjectName("ncView")
        self.ncView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ncView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ncView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ncView.setAlternatingRowColors(True)

        self.ncLayout.addWidget(self.ncView)

        self.ncActionsLayout = QHBoxLayout()
        self.ncActionsLayout.setObjectName("ncActionsLayout")
        self.disposeButton = QPushButton(self.ncBox)
        self.disposeButton.setObjectName("disposeButton")
        self.disposeButton.setEnabled(False)

        self.ncActionsLayout.addWidget(self.disposeButton)

        self.ruleLabel = QLabel(self.ncBox)
        self.ruleLabel.setObjectName("ruleLabel")
        self.ruleLabel.setText("")
        self.ruleLabel.setProperty("role", "hint")

        self.ncActionsLayout.addWidget(self.ruleLabel)

        self.ncSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.ncActionsLayout.addItem(self.ncSpacer)

        self.ncCountLabel = QLabel(self.ncBox)
        self.ncCountLabel.setObjectName("ncCountLabel")
        self.ncCountLabel.setText("")

        self.ncActionsLayout.addWidget(self.ncCountLabel)

        self.ncLayout.addLayout(self.ncActionsLayout)

        self.splitter.addWidget(self.ncBox)
        self.holdsBox = QGroupBox(self.splitter)
        self.holdsBox.setObjectName("holdsBox")
        self.holdsLayout = QVBoxLayout(self.holdsBox)
        self.holdsLayout.setObjectName("holdsLayout")
        self.heldView = QTableView(self.holdsBox)
        self.heldView.setObjectName("heldView")
        self.heldView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.heldView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.heldView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.heldView.setAlternatingRowColors(True)

        self.holdsLayout.addWidget(self.heldView)

        self.holdActionsLayout = QHBoxLayout()
        self.holdActionsLayout.setObjectName("holdActionsLayout")
        self.lotEdit = QLineEdit(self.holdsBox)
        self.lotEdit.setObjectName("lotEdit")
        self.lotEdit.setMaxLength(64)
        self.lotEdit.setClearButtonEnabled(True)

        self.holdActionsLayout.addWidget(self.lotEdit)

        self.holdButton = QPushButton(self.holdsBox)
        self.holdButton.setObjectName("holdButton")

        self.holdActionsLayout.addWidget(self.holdButton)

        self.releaseButton = QPushButton(self.holdsBox)
        self.releaseButton.setObjectName("releaseButton")

        self.holdActionsLayout.addWidget(self.releaseButton)

        self.holdSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.holdActionsLayout.addItem(self.holdSpacer)

        self.heldCountLabel = QLabel(self.holdsBox)
        self.heldCountLabel.setObjectName("heldCountLabel")
        self.heldCountLabel.setText("")

        self.holdActionsLayout.addWidget(self.heldCountLabel)

        self.holdsLayout.addLayout(self.holdActionsLayout)

        self.splitter.addWidget(self.holdsBox)

        self.qualityLayout.addWidget(self.splitter)

        self.retranslateUi(SupervisorQuality)

    # setupUi

    def retranslateUi(self, SupervisorQuality):
        self.ncBox.setTitle(QCoreApplication.translate("SupervisorQuality", "Open nonconformances", None))
        self.disposeButton.setText(QCoreApplication.translate("SupervisorQuality", "Dispose\u2026", None))
        # if QT_CONFIG(tooltip)
        self.disposeButton.setToolTip(
            QCoreApplication.translate(
                "SupervisorQuality",
                "Decide use as is, rework, scrap or return to supplier, signed with badge and PIN (quality)",
                None,
            )
        )
        # endif // QT_CONFIG(tooltip)
        self.holdsBox.setTitle(QCoreApplication.translate("SupervisorQuality", "Lots on hold", None))
        self.lotEdit.setPlaceholderText(QCoreApplication.translate("SupervisorQuality", "Lot number", None))
        self.holdButton.setText(QCoreApplication.translate("SupervisorQuality", "Hold lot\u2026", None))
        self.releaseButton.setText(QCoreApplication.translate("SupervisorQuality", "Release lot\u2026", None))
        pass

    # retranslateUi
