################################################################################
## Form generated from reading UI file 'station_screen.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class Ui_StationScreen:
    def setupUi(self, StationScreen):
        if not StationScreen.objectName():
            StationScreen.setObjectName("StationScreen")
        StationScreen.resize(1024, 640)
        self.stationLayout = QVBoxLayout(StationScreen)
        self.stationLayout.setSpacing(8)
        self.stationLayout.setObjectName("stationLayout")
        self.stationLayout.setContentsMargins(10, 4, 10, 4)
        self.stateFrame = QFrame(StationScreen)
        self.stateFrame.setObjectName("stateFrame")
        self.stateLayout = QHBoxLayout(self.stateFrame)
        self.stateLayout.setSpacing(16)
        self.stateLayout.setObjectName("stateLayout")
        self.stateLayout.setContentsMargins(14, 4, 14, 4)
        self.stateLabel = QLabel(self.stateFrame)
        self.stateLabel.setObjectName("stateLabel")
        self.stateLabel.setText("IDLE")

        self.stateLayout.addWidget(self.stateLabel)

        self.stateDetailLabel = QLabel(self.stateFrame)
        self.stateDetailLabel.setObjectName("stateDetailLabel")
        self.stateDetailLabel.setText("")
        self.stateDetailLabel.setWordWrap(True)

        self.stateLayout.addWidget(self.stateDetailLabel)

        self.stateSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.stateLayout.addItem(self.stateSpacer)

        self.stateTimerLabel = QLabel(self.stateFrame)
        self.stateTimerLabel.setObjectName("stateTimerLabel")
        self.stateTimerLabel.setText("00:00:00")

        self.stateLayout.addWidget(self.stateTimerLabel)

        self.stateLayout.setStretch(1, 1)

        self.stationLayout.addWidget(self.stateFrame)

        self.contentLayout = QHBoxLayout()
        self.contentLayout.setSpacing(10)
        self.contentLayout.setObjectName("contentLayout")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setSpacing(6)
        self.leftColumn.setObjectName("leftColumn")
        self.jobCard = QFrame(StationScreen)
        self.jobCard.setObjectName("jobCard")
        self.jobGrid = QGridLayout(self.jobCard)
        self.jobGrid.setObjectName("jobGrid")
        self.jobGrid.setHorizontalSpacing(16)
        self.jobGrid.setVerticalSpacing(2)
        self.jobGrid.setContentsMargins(12, 6, 12, 8)
        self.jobTitleValue = QLabel(self.jobCard)
        self.jobTitleValue.setObjectName("jobTitleValue")
        self.jobTitleValue.setText("")
        self.jobTitleValue.setWordWrap(True)
        self.jobTitleValue.setProperty("role", "value")

        self.jobGrid.addWidget(self.jobTitleValue, 0, 0, 1, 3)

        self.productValue = QLabel(self.jobCard)
        self.productValue.setObjectName("productValue")
        self.productValue.setText("")
        self.productValue.setWordWrap(True)
        self.productValue.setProperty("role", "caption")

        self.jobGrid.addWidget(self.productValue, 1, 0, 1, 3)

        self.goodCaption = QLabel(self.jobCard)
        self.goodCaption.setObjectName("goodCaption")
        self.goodCaption.setProperty("role", "caption")

        self.jobGrid.addWidget(self.goodCaption, 2, 0, 1, 1)

        self.scrapCaption = QLabel(self.jobCard)
        self.scrapCaption.setObjectName("scrapCaption")
        self.scrapCaption.setProperty("role", "caption")

        self.jobGrid.addWidget(self.scrapCaption, 2, 1, 1, 1)

        self.targetCaption = QLabel(self.jobCard)
        self.targetCaption.setObjectName("targetCaption")
        self.targetCaption.setProperty("role", "caption")

        self.jobGrid.addWidget(self.targetCaption, 2, 2, 1, 1)

        self.goodValue = QLabel(self.jobCard)
        self.goodValue.setObjectName("goodValue")
        self.goodValue.setText("")
        self.goodValue.setProperty("role", "value")

        self.jobGrid.addWidget(self.goodValue, 3, 0, 1, 1)

        self.scrapValue = QLabel(self.jobCard)
        self.scrapValue.setObjectName("scrapValue")
        self.scrapValue.setText("")
        self.scrapValue.setProperty("role", "value")

        self.jobGrid.addWidget(self.scrapValue, 3, 1, 1, 1)

        self.targetValue = QLabel(self.jobCard)
        self.targetValue.setObjectName("targetValue")
        self.targetValue.setText("")
        self.targetValue.setProperty("role", "value")

        self.jobGrid.addWidget(self.targetValue, 3, 2, 1, 1)

        self.progressBar = QProgressBar(self.jobCard)
        self.progressBar.setObjectName("progressBar")
        self.progressBar.setValue(0)

        self.jobGrid.addWidget(self.progressBar, 4, 0, 1, 3)

        self.runTimeCaption = QLabel(self.jobCard)
        self.runTimeCaption.setObjectName("runTimeCaption")
        self.runTimeCaption.setProperty("role", "caption")

        self.jobGrid.addWidget(self.runTimeCaption, 5, 0, 1, 1)

        self.cycleCaption = QLabel(self.jobCard)
        self.cycleCaption.setObjectName("cycleCaption")
        self.cycleCaption.setProperty("role", "caption")

        self.jobGrid.addWidget(self.cycleCaption, 5, 1, 1, 2)

        self.runTimeValue = QLabel(self.jobCard)
        self.runTimeValue.setObjectName("runTimeValue")
        self.runTimeValue.setText("")
        self.runTimeValue.setProperty("role", "value")

        self.jobGrid.addWidget(self.runTimeValue, 6, 0, 1, 1)

        self.cycleValue = QLabel(self.jobCard)
        self.cycleValue.setObjectName("cycleValue")
        self.cycleValue.setText("")
        self.cycleValue.setProperty("role", "value")

        self.jobGrid.addWidget(self.cycleValue, 6, 1, 1, 2)

        self.noJobLabel = QLabel(self.jobCard)
        self.noJobLabel.setObjectName("noJobLabel")
        self.noJobLabel.setWordWrap(True)

        self.jobGrid.addWidget(self.noJobLabel, 7, 0, 1, 3)

        self.leftColumn.addWidget(self.jobCard)

        self.resendFrame = QFrame(StationScreen)
        self.resendFrame.setObjectName("resendFrame")
        self.resendLayout = QHBoxLayout(self.resendFrame)
        self.resendLayout.setSpacing(10)
        self.resendLayout.setObjectName("resendLayout")
        self.resendLayout.setContentsMargins(10, 4, 10, 4)
        self.resendLabel = QLabel(self.resendFrame)
        self.resendLabel.setObjectName("resendLabel")
        self.resendLabel.setText("")
        self.resendLabel.setWordWrap(True)

        self.resendLayout.addWidget(self.resendLabel)

        self.discardButton = QPushButton(self.resendFrame)
        self.discardButton.setObjectName("discardButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.discardButton.sizePolicy().hasHeightForWidth())
        self.discardButton.setSizePolicy(sizePolicy)

        self.resendLayout.addWidget(self.discardButton)

        self.resendButton = QPushButton(self.resendFrame)
        self.resendButton.setObjectName("resendButton")
        sizePolicy.setHeightForWidth(self.resendButton.sizePolicy().hasHeightForWidth())
        self.resendButton.setSizePolicy(sizePolicy)
        self.resendButton.setProperty("role", "go")

        self.resendLayout.addWidget(self.resendButton)

        self.leftColumn.addWidget(self.resendFrame)

        self.listStack = QStackedWidget(StationScreen)
        self.listStack.setObjectName("listStack")
        self.dispatchPage = QWidget()
        self.dispatchPage.setObjectName("dispatchPage")
        self.dispatchPageLayout = QVBoxLayout(self.dispatchPage)
        self.dispatchPageLayout.setSpacing(6)
        self.dispatchPageLayout.setObjectName("dispatchPageLayout")
        self.dispatchPageLayout.setContentsMargins(0, 0, 0, 0)
        self.dispatchCaption = QLabel(self.dispatchPage)
        self.dispatchCaption.setObjectName("dispatchCaption")
        self.dispatchCaption.setProperty("role", "caption")

        self.dispatchPageLayout.addWidget(self.dispatchCaption)

        self.dispatchView = QTableView(self.dispatchPage)
        self.dispatchView.setObjectName("dispatchView")
        self.dispatchView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dispatchView.setAlternatingRowColors(True)
        self.dispatchView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.dispatchView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.dispatchView.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.dispatchView.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.dispatchView.setWordWrap(True)
        self.dispatchView.horizontalHeader().setStretchLastSection(True)
        self.dispatchView.verticalHeader().setVisible(False)
        self.dispatchView.verticalHeader().setMinimumSectionSize(56)

        self.dispatchPageLayout.addWidget(self.dispatchView)

        self.listStack.addWidget(self.dispatchPage)
        self.materialsPage = QWidget()
        self.materialsPage.setObjectName("materialsPage")
        self.materialsPageLayout = QVBoxLayout(self.materialsPage)
        self.materialsPageLayout.setSpacing(6)
        self.materialsPageLayout.setObjectName("materialsPageLayout")
        self.materialsPageLayout.setContentsMargins(0, 0, 0, 0)
        self.materialsTopLayout = QHBoxLayout()
        self.materialsTopLayout.setSpacing(8)
        self.materialsTopLayout.setObjectName("materialsTopLayout")
        self.materialsCaption = QLabel(self.materialsPage)
        self.materialsCaption.setObjectName("materialsCaption")
        self.materialsCaption.setWordWrap(True)
        self.materialsCaption.setProperty("role", "caption")

        self.materialsTopLayout.addWidget(self.materialsCaption)

        self.keyLotButton = QPushButton(self.materialsPage)
        self.keyLotButton.setObjectName("keyLotButton")

        self.materialsTopLayout.addWidget(self.keyLotButton)

        self.materialsTopLayout.setStretch(0, 1)

        self.materialsPageLayout.addLayout(self.materialsTopLayout)

        self.materialsView = QTableView(self.materialsPage)
        self.materialsView.setObjectName("materialsView")
        self.materialsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.materialsView.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.materialsView.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.materialsView.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.materialsView.setWordWrap(True)
        self.materialsView.horizontalHeader().setStretchLastSection(True)
        self.materialsView.verticalHeader().setVisible(False)
        self.materialsView.verticalHeader().setMinimumSectionSize(56)

        self.materialsPageLayout.addWidget(self.materialsView)

        self.scanResultLabel = QLabel(self.materialsPage)
        self.scanResultLabel.setObjectName("scanResultLabel")
        self.scanResultLabel.setText("")
        self.scanResultLabel.setWordWrap(True)
        self.scanResultLabel.setProperty("role", "scan_result")

        self.materialsPageLayout.addWidget(self.scanResultLabel)

        self.materialsHintLabel = QLabel(self.materialsPage)
        self.materialsHintLabel.setObjectName("materialsHintLabel")
        self.materialsHintLabel.setWordWrap(True)
        self.materialsHintLabel.setProperty("role", "caption")

        self.materialsPageLayout.addWidget(self.materialsHintLabel)

        self.listStack.addWidget(self.materialsPage)

        self.leftColumn.addWidget(self.listStack)

        self.leftColumn.setStretch(2, 1)

        self.contentLayout.addLayout(self.leftColumn)

        self.buttonGrid = QGridLayout()
        self.buttonGrid.setObjectName("buttonGrid")
        self.buttonGrid.setHorizontalSpacing(8)
        self.buttonGrid.setVerticalSpacing(6)
        self.startButton = QPushButton(StationScreen)
        self.startButton.setObjectName("startButton")
        sizePolicy.setHeightForWidth(self.startButton.sizePolicy().hasHeightForWidth())
        self.startButton.setSizePolicy(sizePolicy)
        self.startButton.setProperty("role", "go")

        self.buttonGrid.addWidget(self.startButton, 0, 0, 1, 1)

        self.resumeButton = QPushButton(StationScreen)
        self.resumeButton.setObjectName("resumeButton")
        sizePolicy.setHeightForWidth(self.resumeButton.sizePolicy().hasHeightForWidth())
        self.resumeButton.setSizePolicy(sizePolicy)
        self.resumeButton.setProperty("role", "go")

        self.buttonGrid.addWidget(self.resumeButton, 0, 1, 1, 1)

        self.pauseButton = QPushButton(StationScreen)
        self.pauseButton.setObjectName("pauseButton")
        sizePolicy.setHeightForWidth(self.pauseButton.sizePolicy().hasHeightForWidth())
        self.pauseButton.setSizePolicy(sizePolicy)
        self.pauseButton.setProperty("role", "stop")

        self.buttonGrid.addWidget(self.pauseButton, 1, 0, 1, 1)

        self.downtimeButton = QPushButton(StationScreen)
        self.downtimeButton.setObjectName("downtimeButton")
        sizePolicy.setHeightForWidth(self.downtimeButton.sizePolicy().hasHeightForWidth())
        self.downtimeButton.setSizePolicy(sizePolicy)
        self.downtimeButton.setProperty("role", "stop")

        self.buttonGrid.addWidget(self.downtimeButton, 5, 0, 1, 1)

        self.reportGoodButton = QPushButton(StationScreen)
        self.reportGoodButton.setObjectName("reportGoodButton")
        sizePolicy.setHeightForWidth(self.reportGoodButton.sizePolicy().hasHeightForWidth())
        self.reportGoodButton.setSizePolicy(sizePolicy)

        self.buttonGrid.addWidget(self.reportGoodButton, 1, 1, 1, 1)

        self.reportScrapButton = QPushButton(StationScreen)
        self.reportScrapButton.setObjectName("reportScrapButton")
        sizePolicy.setHeightForWidth(self.reportScrapButton.sizePolicy().hasHeightForWidth())
        self.reportScrapButton.setSizePolicy(sizePolicy)

        self.buttonGrid.addWidget(self.reportScrapButton, 2, 0, 1, 1)

        self.completeButton = QPushButton(StationScreen)
        self.completeButton.setObjectName("completeButton")
        sizePolicy.setHeightForWidth(self.completeButton.sizePolicy().hasHeightForWidth())
        self.completeButton.setSizePolicy(sizePolicy)

        self.buttonGrid.addWidget(self.completeButton, 2, 1, 1, 1)

        self.callSupervisorButton = QPushButton(StationScreen)
        self.callSupervisorButton.setObjectName("callSupervisorButton")
        sizePolicy.setHeightForWidth(self.callSupervisorButton.sizePolicy().hasHeightForWidth())
        self.callSupervisorButton.setSizePolicy(sizePolicy)
        self.callSupervisorButton.setProperty("role", "alarm")

        self.buttonGrid.addWidget(self.callSupervisorButton, 5, 1, 1, 1)

        self.checklistButton = QPushButton(StationScreen)
        self.checklistButton.setObjectName("checklistButton")
        sizePolicy.setHeightForWidth(self.checklistButton.sizePolicy().hasHeightForWidth())
        self.checklistButton.setSizePolicy(sizePolicy)
        self.checklistButton.setEnabled(False)

        self.buttonGrid.addWidget(self.checklistButton, 3, 0, 1, 1)

        self.materialsButton = QPushButton(StationScreen)
        self.materialsButton.setObjectName("materialsButton")
        sizePolicy.setHeightForWidth(self.materialsButton.sizePolicy().hasHeightForWidth())
        self.materialsButton.setSizePolicy(sizePolicy)
        self.materialsButton.setCheckable(True)

        self.buttonGrid.addWidget(self.materialsButton, 3, 1, 1, 1)

        self.printLabelButton = QPushButton(StationScreen)
        self.printLabelButton.setObjectName("printLabelButton")
        sizePolicy.setHeightForWidth(self.printLabelButton.sizePolicy().hasHeightForWidth())
        self.printLabelButton.setSizePolicy(sizePolicy)
        self.printLabelButton.setEnabled(False)

        self.buttonGrid.addWidget(self.printLabelButton, 4, 0, 1, 1)

        self.addOperatorButton = QPushButton(StationScreen)
        self.addOperatorButton.setObjectName("addOperatorButton")
        sizePolicy.setHeightForWidth(self.addOperatorButton.sizePolicy().hasHeightForWidth())
        self.addOperatorButton.setSizePolicy(sizePolicy)

        self.buttonGrid.addWidget(self.addOperatorButton, 4, 1, 1, 1)

        self.signOutButton = QPushButton(StationScreen)
        self.signOutButton.setObjectName("signOutButton")
        sizePolicy.setHeightForWidth(self.signOutButton.sizePolicy().hasHeightForWidth())
        self.signOutButton.setSizePolicy(sizePolicy)

        self.buttonGrid.addWidget(self.signOutButton, 6, 0, 1, 2)

        self.contentLayout.addLayout(self.buttonGrid)

        self.contentLayout.setStretch(0, 1)

        self.stationLayout.addLayout(self.contentLayout)

        self.retranslateUi(StationScreen)

    # setupUi

    def retranslateUi(self, StationScreen):
        self.goodCaption.setText(QCoreApplication.translate("StationScreen", "Good", None))
        self.scrapCaption.setText(QCoreApplication.translate("StationScreen", "Scrap", None))
        self.targetCaption.setText(QCoreApplication.translate("StationScreen", "Target", None))
        self.runTimeCaption.setText(QCoreApplication.translate("StationScreen", "Run time", None))
        self.cycleCaption.setText(QCoreApplication.translate("StationScreen", "Cycle time, actual \u00b7 ideal", None))
        self.noJobLabel.setText(
            QCoreApplication.translate(
                "StationScreen", "No job is running here. Choose a ready job in the list and tap Start.", None
            )
        )
        self.discardButton.setText(QCoreApplication.translate("StationScreen", "Discard", None))
        self.resendButton.setText(QCoreApplication.translate("StationScreen", "Send again", None))
        self.dispatchCaption.setText(QCoreApplication.translate("StationScreen", "Dispatch list", None))
        self.materialsCaption.setText(QCoreApplication.translate("StationScreen", "Materials", None))
        self.keyLotButton.setText(QCoreApplication.translate("StationScreen", "Key in a lot number", None))
        # if QT_CONFIG(tooltip)
        self.keyLotButton.setToolTip(
            QCoreApplication.translate(
                "StationScreen",
                "For a label that cannot be scanned: type the lot number; it is recorded as keyed, not scanned.",
                None,
            )
        )
        # endif // QT_CONFIG(tooltip)
        self.materialsHintLabel.setText(
            QCoreApplication.translate("StationScreen", "Scan a lot label to take its material into the job.", None)
        )
        self.startButton.setText(QCoreApplication.translate("StationScreen", "Start", None))
        self.resumeButton.setText(QCoreApplication.translate("StationScreen", "Resume job", None))
        self.pauseButton.setText(QCoreApplication.translate("StationScreen", "Pause", None))
        self.downtimeButton.setText(QCoreApplication.translate("StationScreen", "Downtime", None))
        self.reportGoodButton.setText(QCoreApplication.translate("StationScreen", "Report good", None))
        self.reportScrapButton.setText(QCoreApplication.translate("StationScreen", "Report scrap", None))
        self.completeButton.setText(QCoreApplication.translate("StationScreen", "Complete", None))
        self.callSupervisorButton.setText(QCoreApplication.translate("StationScreen", "Call supervisor", None))
        self.checklistButton.setText(QCoreApplication.translate("StationScreen", "Checklist", None))
        self.materialsButton.setText(QCoreApplication.translate("StationScreen", "Materials", None))
        self.printLabelButton.setText(QCoreApplication.translate("StationScreen", "Print label", None))
        self.addOperatorButton.setText(QCoreApplication.translate("StationScreen", "Add operator", None))
        self.signOutButton.setText(QCoreApplication.translate("StationScreen", "Sign out", None))
        pass

    # retranslateUi
