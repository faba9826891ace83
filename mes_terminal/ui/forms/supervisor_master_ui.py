################################################################################
## Form generated from reading UI file 'supervisor_master.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
)


class Ui_SupervisorMaster:
    def setupUi(self, SupervisorMaster):
        if not SupervisorMaster.objectName():
            SupervisorMaster.setObjectName("SupervisorMaster")
        self.masterLayout = QHBoxLayout(SupervisorMaster)
        self.masterLayout.setObjectName("masterLayout")
        self.sectionList = QListWidget(SupervisorMaster)
        self.sectionList.setObjectName("sectionList")
        self.sectionList.setMaximumSize(QSize(220, 16777215))

        self.masterLayout.addWidget(self.sectionList)

        self.tableLayout = QVBoxLayout()
        self.tableLayout.setObjectName("tableLayout")
        self.hintLabel = QLabel(SupervisorMaster)
        self.hintLabel.setObjectName("hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setProperty("role", "hint")

        self.tableLayout.addWidget(self.hintLabel)

        self.masterView = QTableView(SupervisorMaster)
        self.masterView.setObjectName("masterView")
        self.masterView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.masterView.setAlternatingRowColors(True)
        self.masterView.setSortingEnabled(True)

        self.tableLayout.addWidget(self.masterView)

        self.userActionsLayout = QHBoxLayout()
        self.userActionsLayout.setObjectName("userActionsLayout")
        self.userHintLabel = QLabel(SupervisorMaster)
        self.userHintLabel.setObjectName("userHintLabel")
        self.userHintLabel.setWordWrap(True)
        self.userHintLabel.setProperty("role", "hint")

        self.userActionsLayout.addWidget(self.userHintLabel)

        self.unlockButton = QPushButton(SupervisorMaster)
        self.unlockButton.setObjectName("unlockButton")
        self.unlockButton.setEnabled(False)

        self.userActionsLayout.addWidget(self.unlockButton)

        self.userActionsLayout.setStretch(0, 1)

        self.tableLayout.addLayout(self.userActionsLayout)

        self.masterLayout.addLayout(self.tableLayout)

        self.retranslateUi(SupervisorMaster)

    # setupUi

    def retranslateUi(self, SupervisorMaster):
        self.hintLabel.setText(
            QCoreApplication.translate(
                "SupervisorMaster", "What the plant file loaded; change it there and load it again.", None
            )
        )
        self.userHintLabel.setText(
            QCoreApplication.translate(
                "SupervisorMaster",
                "A badge locked after too many wrong PINs: choose it and unlock it, saying why.",
                None,
            )
        )
        self.unlockButton.setText(QCoreApplication.translate("SupervisorMaster", "Unlock badge\u2026", None))
        pass

    # retranslateUi
