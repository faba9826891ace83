################################################################################
## Form generated from reading UI file 'supervisor_audit.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
)


class Ui_SupervisorAudit:
    def setupUi(self, SupervisorAudit):
        if not SupervisorAudit.objectName():
            SupervisorAudit.setObjectName("SupervisorAudit")
        self.auditLayout = QVBoxLayout(SupervisorAudit)
        self.auditLayout.setObjectName("auditLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName("filterLayout")
        self.userEdit = QLineEdit(SupervisorAudit)
        self.userEdit.setObjectName("userEdit")
        self.userEdit.setMaxLength(64)

        self.filterLayout.addWidget(self.userEdit)

        self.stationEdit = QLineEdit(SupervisorAudit)
        self.stationEdit.setObjectName("stationEdit")
        self.stationEdit.setMaxLength(64)

        self.filterLayout.addWidget(self.stationEdit)

        self.entityEdit = QLineEdit(SupervisorAudit)
        self.entityEdit.setObjectName("entityEdit")
        self.entityEdit.setMaxLength(64)

        self.filterLayout.addWidget(self.entityEdit)

        self.fromCheck = QCheckBox(SupervisorAudit)
        self.fromCheck.setObjectName("fromCheck")

        self.filterLayout.addWidget(self.fromCheck)

        self.fromEdit = QDateTimeEdit(SupervisorAudit)
        self.fromEdit.setObjectName("fromEdit")
        self.fromEdit.setCalendarPopup(True)
        self.fromEdit.setDisplayFormat("yyyy-MM-dd HH:mm")

        self.filterLayout.addWidget(self.fromEdit)

        self.toCheck = QCheckBox(SupervisorAudit)
        self.toCheck.setObjectName("toCheck")

        self.filterLayout.addWidget(self.toCheck)

        self.toEdit = QDateTimeEdit(SupervisorAudit)
        self.toEdit.setObjectName("toEdit")
        self.toEdit.setCalendarPopup(True)
        self.toEdit.setDisplayFormat("yyyy-MM-dd HH:mm")

        self.filterLayout.addWidget(self.toEdit)

        self.searchButton = QPushButton(SupervisorAudit)
        self.searchButton.setObjectName("searchButton")

        self.filterLayout.addWidget(self.searchButton)

        self.exportButton = QPushButton(SupervisorAudit)
        self.exportButton.setObjectName("exportButton")

        self.filterLayout.addWidget(self.exportButton)

        self.auditLayout.addLayout(self.filterLayout)

        self.auditSplitter = QSplitter(SupervisorAudit)
        self.auditSplitter.setObjectName("auditSplitter")
        self.auditSplitter.setOrientation(Qt.Vertical)
        self.auditSplitter.setChildrenCollapsible(False)
        self.auditView = QTableView(self.auditSplitter)
        self.auditView.setObjectName("auditView")
        self.auditView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.auditView.setSelectionMode(QAbstractItemView.SingleSelection)
        self.auditView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.auditView.setAlternatingRowColors(True)
        self.auditView.setWordWrap(False)
        self.auditSplitter.addWidget(self.auditView)
        self.detailsBox = QGroupBox(self.auditSplitter)
        self.detailsBox.setObjectName("detailsBox")
        self.detailsLayout = QVBoxLayout(self.detailsBox)
        self.detailsLayout.setObjectName("detailsLayout")
        self.detailsEdit = QPlainTextEdit(self.detailsBox)
        self.detailsEdit.setObjectName("detailsEdit")
        self.detailsEdit.setReadOnly(True)

        self.detailsLayout.addWidget(self.detailsEdit)

        self.auditSplitter.addWidget(self.detailsBox)

        self.auditLayout.addWidget(self.auditSplitter)

        self.countLabel = QLabel(SupervisorAudit)
        self.countLabel.setObjectName("countLabel")
        self.countLabel.setText("")

        self.auditLayout.addWidget(self.countLabel)

        self.retranslateUi(SupervisorAudit)

        self.searchButton.setDefault(True)

    # setupUi

    def retranslateUi(self, SupervisorAudit):
        self.userEdit.setPlaceholderText(QCoreApplication.translate("SupervisorAudit", "User (badge or name)", None))
        self.stationEdit.setPlaceholderText(QCoreApplication.translate("SupervisorAudit", "Station", None))
        self.entityEdit.setPlaceholderText(
            QCoreApplication.translate("SupervisorAudit", "Entity (kind or id, e.g. WO-1)", None)
        )
        self.fromCheck.setText(QCoreApplication.translate("SupervisorAudit", "From", None))
        self.toCheck.setText(QCoreApplication.translate("SupervisorAudit", "To", None))
        self.searchButton.setText(QCoreApplication.translate("SupervisorAudit", "Search", None))
        self.exportButton.setText(QCoreApplication.translate("SupervisorAudit", "Export CSV\u2026", None))
        self.detailsBox.setTitle(QCoreApplication.translate("SupervisorAudit", "The event as recorded (JSON)", None))
        self.detailsEdit.setPlaceholderText(
            QCoreApplication.translate("SupervisorAudit", "Select an event to see everything it recorded.", None)
        )
        pass

    # retranslateUi
