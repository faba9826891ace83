################################################################################
## Form generated from reading UI file 'supervisor_genealogy.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QTreeView,
    QVBoxLayout,
)


class Ui_SupervisorGenealogy:
    def setupUi(self, SupervisorGenealogy):
        if not SupervisorGenealogy.objectName():
            SupervisorGenealogy.setObjectName("SupervisorGenealogy")
        self.genealogyLayout = QVBoxLayout(SupervisorGenealogy)
        self.genealogyLayout.setObjectName("genealogyLayout")
        self.traceLayout = QHBoxLayout()
        self.traceLayout.setObjectName("traceLayout")
        self.lotEdit = QLineEdit(SupervisorGenealogy)
        self.lotEdit.setObjectName("lotEdit")
        self.lotEdit.setMaxLength(64)

        self.traceLayout.addWidget(self.lotEdit)

        self.backwardRadio = QRadioButton(SupervisorGenealogy)
        self.backwardRadio.setObjectName("backwardRadio")
        self.backwardRadio.setChecked(True)

        self.traceLayout.addWidget(self.backwardRadio)

        self.forwardRadio = QRadioButton(SupervisorGenealogy)
        self.forwardRadio.setObjectName("forwardRadio")

        self.traceLayout.addWidget(self.forwardRadio)

        self.depthLabel = QLabel(SupervisorGenealogy)
        self.depthLabel.setObjectName("depthLabel")

        self.traceLayout.addWidget(self.depthLabel)

        self.depthSpin = QSpinBox(SupervisorGenealogy)
        self.depthSpin.setObjectName("depthSpin")
        self.depthSpin.setMinimum(1)
        self.depthSpin.setMaximum(1000)
        self.depthSpin.setValue(50)

        self.traceLayout.addWidget(self.depthSpin)

        self.traceButton = QPushButton(SupervisorGenealogy)
        self.traceButton.setObjectName("traceButton")

        self.traceLayout.addWidget(self.traceButton)

        self.labelButton = QPushButton(SupervisorGenealogy)
        self.labelButton.setObjectName("labelButton")

        self.traceLayout.addWidget(self.labelButton)

        self.traceSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.traceLayout.addItem(self.traceSpacer)

        self.supplierLotEdit = QLineEdit(SupervisorGenealogy)
        self.supplierLotEdit.setObjectName("supplierLotEdit")
        self.supplierLotEdit.setMaxLength(64)

        self.traceLayout.addWidget(self.supplierLotEdit)

        self.recallButton = QPushButton(SupervisorGenealogy)
        self.recallButton.setObjectName("recallButton")

        self.traceLayout.addWidget(self.recallButton)

        self.pdfButton = QPushButton(SupervisorGenealogy)
        self.pdfButton.setObjectName("pdfButton")
        self.pdfButton.setEnabled(False)

        self.traceLayout.addWidget(self.pdfButton)

        self.genealogyLayout.addLayout(self.traceLayout)

        self.summaryLabel = QLabel(SupervisorGenealogy)
        self.summaryLabel.setObjectName("summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.genealogyLayout.addWidget(self.summaryLabel)

        self.treeView = QTreeView(SupervisorGenealogy)
        self.treeView.setObjectName("treeView")
        self.treeView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.treeView.setAlternatingRowColors(True)
        self.treeView.setUniformRowHeights(True)

        self.genealogyLayout.addWidget(self.treeView)

        self.retranslateUi(SupervisorGenealogy)

        self.traceButton.setDefault(True)

    # setupUi

    def retranslateUi(self, SupervisorGenealogy):
        self.lotEdit.setPlaceholderText(QCoreApplication.translate("SupervisorGenealogy", "Lot number", None))
        self.backwardRadio.setText(QCoreApplication.translate("SupervisorGenealogy", "What went into it", None))
        self.forwardRadio.setText(QCoreApplication.translate("SupervisorGenealogy", "What was made from it", None))
        self.depthLabel.setText(QCoreApplication.translate("SupervisorGenealogy", "Depth", None))
        self.traceButton.setText(QCoreApplication.translate("SupervisorGenealogy", "Trace", None))
        self.labelButton.setText(QCoreApplication.translate("SupervisorGenealogy", "Print label\u2026", None))
        # if QT_CONFIG(tooltip)
        self.labelButton.setToolTip(
            QCoreApplication.translate(
                "SupervisorGenealogy", "Preview the label of this lot, then print or reprint it", None
            )
        )
        # endif // QT_CONFIG(tooltip)
        self.supplierLotEdit.setPlaceholderText(QCoreApplication.translate("SupervisorGenealogy", "Supplier lot", None))
        self.recallButton.setText(QCoreApplication.translate("SupervisorGenealogy", "Recall", None))
        self.pdfButton.setText(QCoreApplication.translate("SupervisorGenealogy", "Save PDF\u2026", None))
        self.summaryLabel.setText(
            QCoreApplication.translate(
                "SupervisorGenealogy",
                "Trace a lot backward or forward, or list the finished lots holding a supplier lot.",
                None,
            )
        )
        pass

    # retranslateUi
