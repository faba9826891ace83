################################################################################
## Form generated from reading UI file 'supervisor_window.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


class Ui_SupervisorWindow:
    def setupUi(self, SupervisorWindow):
        if not SupervisorWindow.objectName():
            SupervisorWindow.setObjectName("SupervisorWindow")
        SupervisorWindow.resize(1920, 1080)
        SupervisorWindow.setMinimumSize(QSize(1024, 600))
        self.windowLayout = QVBoxLayout(SupervisorWindow)
        self.windowLayout.setSpacing(4)
        self.windowLayout.setObjectName("windowLayout")
        self.windowLayout.setContentsMargins(0, 0, 0, 4)
        self.header = QFrame(SupervisorWindow)
        self.header.setObjectName("header")
        self.headerLayout = QHBoxLayout(self.header)
        self.headerLayout.setObjectName("headerLayout")
        self.headerLayout.setContentsMargins(12, 6, 12, 6)
        self.titleLabel = QLabel(self.header)
        self.titleLabel.setObjectName("titleLabel")
        self.titleLabel.setProperty("role", "header")

        self.headerLayout.addWidget(self.titleLabel)

        self.andonLabel = QLabel(self.header)
        self.andonLabel.setObjectName("andonLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.andonLabel.sizePolicy().hasHeightForWidth())
        self.andonLabel.setSizePolicy(sizePolicy)
        self.andonLabel.setText("")
        self.andonLabel.setAlignment(Qt.AlignCenter)

        self.headerLayout.addWidget(self.andonLabel)

        self.userLabel = QLabel(self.header)
        self.userLabel.setObjectName("userLabel")
        self.userLabel.setText("")

        self.headerLayout.addWidget(self.userLabel)

        self.connectionLabel = QLabel(self.header)
        self.connectionLabel.setObjectName("connectionLabel")
        self.connectionLabel.setText("")

        self.headerLayout.addWidget(self.connectionLabel)

        self.signOutButton = QPushButton(self.header)
        self.signOutButton.setObjectName("signOutButton")

        self.headerLayout.addWidget(self.signOutButton)

        self.windowLayout.addWidget(self.header)

        self.screens = QStackedWidget(SupervisorWindow)
        self.screens.setObjectName("screens")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.screens.sizePolicy().hasHeightForWidth())
        self.screens.setSizePolicy(sizePolicy1)
        self.signInPage = QWidget()
        self.signInPage.setObjectName("signInPage")
        self.screens.addWidget(self.signInPage)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.boardTab = QWidget()
        self.boardTab.setObjectName("boardTab")
        self.tabs.addTab(self.boardTab, "")
        self.ordersTab = QWidget()
        self.ordersTab.setObjectName("ordersTab")
        self.tabs.addTab(self.ordersTab, "")
        self.dispatchTab = QWidget()
        self.dispatchTab.setObjectName("dispatchTab")
        self.tabs.addTab(self.dispatchTab, "")
        self.scheduleTab = QWidget()
        self.scheduleTab.setObjectName("scheduleTab")
        self.tabs.addTab(self.scheduleTab, "")
        self.qualityTab = QWidget()
        self.qualityTab.setObjectName("qualityTab")
        self.tabs.addTab(self.qualityTab, "")
        self.auditTab = QWidget()
        self.auditTab.setObjectName("auditTab")
        self.tabs.addTab(self.auditTab, "")
        self.masterTab = QWidget()
        self.masterTab.setObjectName("masterTab")
        self.tabs.addTab(self.masterTab, "")
        self.genealogyTab = QWidget()
        self.genealogyTab.setObjectName("genealogyTab")
        self.tabs.addTab(self.genealogyTab, "")
        self.reportsTab = QWidget()
        self.reportsTab.setObjectName("reportsTab")
        self.tabs.addTab(self.reportsTab, "")
        self.erpTab = QWidget()
        self.erpTab.setObjectName("erpTab")
        self.tabs.addTab(self.erpTab, "")
        self.screens.addWidget(self.tabs)

        self.windowLayout.addWidget(self.screens)

        self.retranslateUi(SupervisorWindow)

    # setupUi

    def retranslateUi(self, SupervisorWindow):
        SupervisorWindow.setWindowTitle(QCoreApplication.translate("SupervisorWindow", "MES Supervisor console", None))
        self.titleLabel.setText(QCoreApplication.translate("SupervisorWindow", "Supervisor console", None))
        self.signOutButton.setText(QCoreApplication.translate("SupervisorWindow", "Sign out", None))
        self.tabs.setTabText(
            self.tabs.indexOf(self.boardTab), QCoreApplication.translate("SupervisorWindow", "Line status", None)
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.ordersTab), QCoreApplication.translate("SupervisorWindow", "Work orders", None)
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.dispatchTab), QCoreApplication.translate("SupervisorWindow", "Dispatch", None)
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.scheduleTab), QCoreApplication.translate("SupervisorWindow", "Schedule", None)
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.qualityTab), QCoreApplication.translate("SupervisorWindow", "Quality", None)
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.auditTab), QCoreApplication.translate("SupervisorWindow", "Audit trail", None)
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.masterTab), QCoreApplication.translate("SupervisorWindow", "Master data", None)
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.genealogyTab), QCoreApplication.translate("SupervisorWindow", "Genealogy", None)
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.reportsTab), QCoreApplication.translate("SupervisorWindow", "Reports", None)
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.erpTab), QCoreApplication.translate("SupervisorWindow", "ERP", None)
        )

    # retranslateUi
