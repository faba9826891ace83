################################################################################
## Form generated from reading UI file 'supervisor_board.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mes_terminal.ui.supervisor.timeline import TimelineWidget


class Ui_SupervisorBoard:
    def setupUi(self, SupervisorBoard):
        if not SupervisorBoard.objectName():
            SupervisorBoard.setObjectName("SupervisorBoard")
        self.boardLayout = QHBoxLayout(SupervisorBoard)
        self.boardLayout.setObjectName("boardLayout")
        self.splitter = QSplitter(SupervisorBoard)
        self.splitter.setObjectName("splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.boardSide = QWidget(self.splitter)
        self.boardSide.setObjectName("boardSide")
        self.boardSideLayout = QVBoxLayout(self.boardSide)
        self.boardSideLayout.setObjectName("boardSideLayout")
        self.boardSideLayout.setContentsMargins(0, 0, 0, 0)
        self.legendLabel = QLabel(self.boardSide)
        self.legendLabel.setObjectName("legendLabel")
        self.legendLabel.setText("")
        self.legendLabel.setTextFormat(Qt.RichText)

        self.boardSideLayout.addWidget(self.legendLabel)

        self.boardView = QTableView(self.boardSide)
        self.boardView.setObjectName("boardView")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(3)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.boardView.sizePolicy().hasHeightForWidth())
        self.boardView.setSizePolicy(sizePolicy)
        self.boardView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.boardView.setSelectionMode(QAbstractItemView.SingleSelection)
        self.boardView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.boardView.setAlternatingRowColors(True)
        self.boardView.setWordWrap(False)

        self.boardSideLayout.addWidget(self.boardView)

        self.splitter.addWidget(self.boardSide)
        self.detailSide = QWidget(self.splitter)
        self.detailSide.setObjectName("detailSide")
        self.detailSide.setMinimumSize(QSize(320, 0))
        self.detailLayout = QVBoxLayout(self.detailSide)
        self.detailLayout.setObjectName("detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.andonBox = QGroupBox(self.detailSide)
        self.andonBox.setObjectName("andonBox")
        self.andonLayout = QVBoxLayout(self.andonBox)
        self.andonLayout.setObjectName("andonLayout")
        self.andonList = QListWidget(self.andonBox)
        self.andonList.setObjectName("andonList")
        self.andonList.setMaximumSize(QSize(16777215, 180))

        self.andonLayout.addWidget(self.andonList)

        self.acknowledgeButton = QPushButton(self.andonBox)
        self.acknowledgeButton.setObjectName("acknowledgeButton")
        self.acknowledgeButton.setProperty("role", "alarm")

        self.andonLayout.addWidget(self.acknowledgeButton)

        self.detailLayout.addWidget(self.andonBox)

        self.timelineBox = QGroupBox(self.detailSide)
        self.timelineBox.setObjectName("timelineBox")
        self.timelineLayout = QVBoxLayout(self.timelineBox)
        self.timelineLayout.setObjectName("timelineLayout")
        self.stationLabel = QLabel(self.timelineBox)
        self.stationLabel.setObjectName("stationLabel")
        self.stationLabel.setWordWrap(True)

        self.timelineLayout.addWidget(self.stationLabel)

        self.timeline = TimelineWidget(self.timelineBox)
        self.timeline.setObjectName("timeline")
        self.timeline.setMinimumSize(QSize(280, 150))

        self.timelineLayout.addWidget(self.timeline)

        self.detailLayout.addWidget(self.timelineBox)

        self.behalfBox = QGroupBox(self.detailSide)
        self.behalfBox.setObjectName("behalfBox")
        self.behalfLayout = QHBoxLayout(self.behalfBox)
        self.behalfLayout.setObjectName("behalfLayout")
        self.pauseButton = QPushButton(self.behalfBox)
        self.pauseButton.setObjectName("pauseButton")

        self.behalfLayout.addWidget(self.pauseButton)

        self.resumeButton = QPushButton(self.behalfBox)
        self.resumeButton.setObjectName("resumeButton")

        self.behalfLayout.addWidget(self.resumeButton)

        self.completeButton = QPushButton(self.behalfBox)
        self.completeButton.setObjectName("completeButton")

        self.behalfLayout.addWidget(self.completeButton)

        self.detailLayout.addWidget(self.behalfBox)

        self.detailSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailLayout.addItem(self.detailSpacer)

        self.splitter.addWidget(self.detailSide)

        self.boardLayout.addWidget(self.splitter)

        self.retranslateUi(SupervisorBoard)

    # setupUi

    def retranslateUi(self, SupervisorBoard):
        self.andonBox.setTitle(QCoreApplication.translate("SupervisorBoard", "Calls for help", None))
        self.acknowledgeButton.setText(QCoreApplication.translate("SupervisorBoard", "Acknowledge call", None))
        self.timelineBox.setTitle(QCoreApplication.translate("SupervisorBoard", "Shift timeline", None))
        self.stationLabel.setText(QCoreApplication.translate("SupervisorBoard", "Select a station on the board.", None))
        self.behalfBox.setTitle(QCoreApplication.translate("SupervisorBoard", "On the operator's behalf", None))
        self.pauseButton.setText(QCoreApplication.translate("SupervisorBoard", "Pause", None))
        self.resumeButton.setText(QCoreApplication.translate("SupervisorBoard", "Resume", None))
        self.completeButton.setText(QCoreApplication.translate("SupervisorBoard", "Complete", None))
        pass

    # retranslateUi
