################################################################################
## Form generated from reading UI file 'terminal_window.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class Ui_TerminalWindow:
    def setupUi(self, TerminalWindow):
        if not TerminalWindow.objectName():
            TerminalWindow.setObjectName("TerminalWindow")
        TerminalWindow.resize(1024, 768)
        self.windowLayout = QVBoxLayout(TerminalWindow)
        self.windowLayout.setSpacing(0)
        self.windowLayout.setObjectName("windowLayout")
        self.windowLayout.setContentsMargins(0, 0, 0, 6)
        self.header = QFrame(TerminalWindow)
        self.header.setObjectName("header")
        self.headerLayout = QHBoxLayout(self.header)
        self.headerLayout.setSpacing(14)
        self.headerLayout.setObjectName("headerLayout")
        self.headerLayout.setContentsMargins(12, 6, 12, 6)
        self.stationBox = QVBoxLayout()
        self.stationBox.setSpacing(0)
        self.stationBox.setObjectName("stationBox")
        self.stationLabel = QLabel(self.header)
        self.stationLabel.setObjectName("stationLabel")
        self.stationLabel.setText("WS")
        self.stationLabel.setProperty("role", "header")

        self.stationBox.addWidget(self.stationLabel)

        self.lineLabel = QLabel(self.header)
        self.lineLabel.setObjectName("lineLabel")
        self.lineLabel.setText("line")
        self.lineLabel.setProperty("role", "caption")

        self.stationBox.addWidget(self.lineLabel)

        self.headerLayout.addLayout(self.stationBox)

        self.operatorsLabel = QLabel(self.header)
        self.operatorsLabel.setObjectName("operatorsLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.operatorsLabel.sizePolicy().hasHeightForWidth())
        self.operatorsLabel.setSizePolicy(sizePolicy)
        self.operatorsLabel.setText("")
        self.operatorsLabel.setWordWrap(True)

        self.headerLayout.addWidget(self.operatorsLabel)

        self.connectionLabel = QLabel(self.header)
        self.connectionLabel.setObjectName("connectionLabel")
        self.connectionLabel.setText("")

        self.headerLayout.addWidget(self.connectionLabel)

        self.cameraButton = QPushButton(self.header)
        self.cameraButton.setObjectName("cameraButton")
        self.cameraButton.setVisible(False)
        self.cameraButton.setProperty("role", "flat")

        self.headerLayout.addWidget(self.cameraButton)

        self.languageButton = QPushButton(self.header)
        self.languageButton.setObjectName("languageButton")
        self.languageButton.setText("DE")
        self.languageButton.setProperty("role", "flat")

        self.headerLayout.addWidget(self.languageButton)

        self.clockLabel = QLabel(self.header)
        self.clockLabel.setObjectName("clockLabel")
        self.clockLabel.setText("00:00:00")
        self.clockLabel.setProperty("role", "clock")

        self.headerLayout.addWidget(self.clockLabel)

        self.windowLayout.addWidget(self.header)

        self.bannerStrip = QWidget(TerminalWindow)
        self.bannerStrip.setObjectName("bannerStrip")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.bannerStrip.sizePolicy().hasHeightForWidth())
        self.bannerStrip.setSizePolicy(sizePolicy1)
        self.bannerStripLayout = QHBoxLayout(self.bannerStrip)
        self.bannerStripLayout.setObjectName("bannerStripLayout")
        self.bannerStripLayout.setContentsMargins(18, 4, 18, 4)
        self.stripHint = QLabel(self.bannerStrip)
        self.stripHint.setObjectName("stripHint")
        self.stripHint.setWordWrap(True)
        self.stripHint.setProperty("role", "hint")

        self.bannerStripLayout.addWidget(self.stripHint)

        self.windowLayout.addWidget(self.bannerStrip)

        self.screens = QStackedWidget(TerminalWindow)
        self.screens.setObjectName("screens")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(1)
        sizePolicy2.setHeightForWidth(self.screens.sizePolicy().hasHeightForWidth())
        self.screens.setSizePolicy(sizePolicy2)

        self.windowLayout.addWidget(self.screens)

        self.retranslateUi(TerminalWindow)

    # setupUi

    def retranslateUi(self, TerminalWindow):
        TerminalWindow.setWindowTitle(QCoreApplication.translate("TerminalWindow", "MES Terminal", None))
        # if QT_CONFIG(tooltip)
        self.cameraButton.setToolTip(QCoreApplication.translate("TerminalWindow", "Scan with the camera", None))
        # endif // QT_CONFIG(tooltip)
        self.cameraButton.setText(QCoreApplication.translate("TerminalWindow", "Camera", None))
        # if QT_CONFIG(tooltip)
        self.languageButton.setToolTip(QCoreApplication.translate("TerminalWindow", "Switch the language", None))
        # endif // QT_CONFIG(tooltip)
        self.stripHint.setText(
            QCoreApplication.translate(
                "TerminalWindow", "Scan a badge, a traveler or a lot label at any time; messages appear here.", None
            )
        )

    # retranslateUi
