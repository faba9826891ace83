################################################################################
## Form generated from reading UI file 'supervisor_dispatch.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTableView,
    QVBoxLayout,
)


class Ui_SupervisorDispatch:
    def setupUi(self, SupervisorDispatch):
        if not SupervisorDispatch.objectName():
            SupervisorDispatch.setObjectName("SupervisorDispatch")
        self.dispatchLayout = QVBoxLayout(SupervisorDispatch)
        self.dispatchLayout.setObjectName("dispatchLayout")
        self.stationLayout = QHBoxLayout()
        self.stationLayout.setObjectName("stationLayout")
        self.stationLabel = QLabel(SupervisorDispatch)
        self.stationLabel.setObjectName("stationLabel")

        self.stationLayout.addWidget(self.stationLabel)

        self.stationCombo = QComboBox(SupervisorDispatch)
        self.stationCombo.setObjectName("stationCombo")
        self.stationCombo.setMinimumSize(QSize(180, 0))

        self.stationLayout.addWidget(self.stationCombo)

        self.hintLabel = QLabel(SupervisorDispatch)
        self.hintLabel.setObjectName("hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setProperty("role", "hint")

        self.stationLayout.addWidget(self.hintLabel)

        self.dispatchLayout.addLayout(self.stationLayout)

        self.dispatchView = QTableView(SupervisorDispatch)
        self.dispatchView.setObjectName("dispatchView")
        self.dispatchView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.dispatchView.setDragEnabled(True)
        self.dispatchView.setDragDropOverwriteMode(False)
        self.dispatchView.setDragDropMode(QAbstractItemView.InternalMove)
        self.dispatchView.setDefaultDropAction(Qt.MoveAction)
        self.dispatchView.setSelectionMode(QAbstractItemView.SingleSelection)
        self.dispatchView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.dispatchView.setAlternatingRowColors(True)

        self.dispatchLayout.addWidget(self.dispatchView)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName("actionsLayout")
        self.upButton = QPushButton(SupervisorDispatch)
        self.upButton.setObjectName("upButton")

        self.actionsLayout.addWidget(self.upButton)

        self.downButton = QPushButton(SupervisorDispatch)
        self.downButton.setObjectName("downButton")

        self.actionsLayout.addWidget(self.downButton)

        self.assignLabel = QLabel(SupervisorDispatch)
        self.assignLabel.setObjectName("assignLabel")

        self.actionsLayout.addWidget(self.assignLabel)

        self.assignCombo = QComboBox(SupervisorDispatch)
        self.assignCombo.setObjectName("assignCombo")
        self.assignCombo.setMinimumSize(QSize(160, 0))

        self.actionsLayout.addWidget(self.assignCombo)

        self.assignButton = QPushButton(SupervisorDispatch)
        self.assignButton.setObjectName("assignButton")

        self.actionsLayout.addWidget(self.assignButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.startButton = QPushButton(SupervisorDispatch)
        self.startButton.setObjectName("startButton")

        self.actionsLayout.addWidget(self.startButton)

        self.dispatchLayout.addLayout(self.actionsLayout)

        # if QT_CONFIG(shortcut)
        self.stationLabel.setBuddy(self.stationCombo)
        self.assignLabel.setBuddy(self.assignCombo)
        # endif // QT_CONFIG(shortcut)

        self.retranslateUi(SupervisorDispatch)

    # setupUi

    def retranslateUi(self, SupervisorDispatch):
        self.stationLabel.setText(QCoreApplication.translate("SupervisorDispatch", "Workstation", None))
        self.hintLabel.setText(
            QCoreApplication.translate(
                "SupervisorDispatch",
                "Drag rows to set the order this station works in; its terminal shows the new order at once.",
                None,
            )
        )
        self.upButton.setText(QCoreApplication.translate("SupervisorDispatch", "Move up", None))
        self.downButton.setText(QCoreApplication.translate("SupervisorDispatch", "Move down", None))
        self.assignLabel.setText(QCoreApplication.translate("SupervisorDispatch", "Assign to", None))
        self.assignButton.setText(QCoreApplication.translate("SupervisorDispatch", "Assign", None))
        self.startButton.setText(
            QCoreApplication.translate("SupervisorDispatch", "Start on the operator's behalf", None)
        )
        pass

    # retranslateUi
