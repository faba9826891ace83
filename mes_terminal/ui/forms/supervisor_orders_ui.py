################################################################################
## Form generated from reading UI file 'supervisor_orders.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTableView,
    QVBoxLayout,
)


class Ui_SupervisorOrders:
    def setupUi(self, SupervisorOrders):
        if not SupervisorOrders.objectName():
            SupervisorOrders.setObjectName("SupervisorOrders")
        self.ordersLayout = QVBoxLayout(SupervisorOrders)
        self.ordersLayout.setObjectName("ordersLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName("filterLayout")
        self.searchEdit = QLineEdit(SupervisorOrders)
        self.searchEdit.setObjectName("searchEdit")
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.setMaxLength(64)

        self.filterLayout.addWidget(self.searchEdit)

        self.statusCombo = QComboBox(SupervisorOrders)
        self.statusCombo.setObjectName("statusCombo")

        self.filterLayout.addWidget(self.statusCombo)

        self.lateCheck = QCheckBox(SupervisorOrders)
        self.lateCheck.setObjectName("lateCheck")

        self.filterLayout.addWidget(self.lateCheck)

        self.ordersLayout.addLayout(self.filterLayout)

        self.ordersView = QTableView(SupervisorOrders)
        self.ordersView.setObjectName("ordersView")
        self.ordersView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.ordersView.setSelectionMode(QAbstractItemView.SingleSelection)
        self.ordersView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.ordersView.setSortingEnabled(True)
        self.ordersView.setAlternatingRowColors(True)

        self.ordersLayout.addWidget(self.ordersView)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName("actionsLayout")
        self.newButton = QPushButton(SupervisorOrders)
        self.newButton.setObjectName("newButton")

        self.actionsLayout.addWidget(self.newButton)

        self.editButton = QPushButton(SupervisorOrders)
        self.editButton.setObjectName("editButton")

        self.actionsLayout.addWidget(self.editButton)

        self.releaseButton = QPushButton(SupervisorOrders)
        self.releaseButton.setObjectName("releaseButton")

        self.actionsLayout.addWidget(self.releaseButton)

        self.holdButton = QPushButton(SupervisorOrders)
        self.holdButton.setObjectName("holdButton")

        self.actionsLayout.addWidget(self.holdButton)

        self.cancelButton = QPushButton(SupervisorOrders)
        self.cancelButton.setObjectName("cancelButton")

        self.actionsLayout.addWidget(self.cancelButton)

        self.closeButton = QPushButton(SupervisorOrders)
        self.closeButton.setObjectName("closeButton")

        self.actionsLayout.addWidget(self.closeButton)

        self.travelerButton = QPushButton(SupervisorOrders)
        self.travelerButton.setObjectName("travelerButton")

        self.actionsLayout.addWidget(self.travelerButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.countLabel = QLabel(SupervisorOrders)
        self.countLabel.setObjectName("countLabel")
        self.countLabel.setText("")

        self.actionsLayout.addWidget(self.countLabel)

        self.ordersLayout.addLayout(self.actionsLayout)

        self.retranslateUi(SupervisorOrders)

    # setupUi

    def retranslateUi(self, SupervisorOrders):
        self.searchEdit.setPlaceholderText(
            QCoreApplication.translate("SupervisorOrders", "Search number, product, status", None)
        )
        self.lateCheck.setText(QCoreApplication.translate("SupervisorOrders", "Late only", None))
        self.newButton.setText(QCoreApplication.translate("SupervisorOrders", "New\u2026", None))
        self.editButton.setText(QCoreApplication.translate("SupervisorOrders", "Edit\u2026", None))
        self.releaseButton.setText(QCoreApplication.translate("SupervisorOrders", "Release", None))
        self.holdButton.setText(QCoreApplication.translate("SupervisorOrders", "Hold", None))
        self.cancelButton.setText(QCoreApplication.translate("SupervisorOrders", "Cancel order", None))
        self.closeButton.setText(QCoreApplication.translate("SupervisorOrders", "Close order", None))
        self.travelerButton.setText(QCoreApplication.translate("SupervisorOrders", "Print traveler\u2026", None))
        # if QT_CONFIG(tooltip)
        self.travelerButton.setToolTip(
            QCoreApplication.translate(
                "SupervisorOrders", "Preview the traveler of the selected order, then print it", None
            )
        )
        # endif // QT_CONFIG(tooltip)
        pass

    # retranslateUi
