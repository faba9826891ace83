################################################################################
## Form generated from reading UI file 'checklist_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class Ui_ChecklistDialog:
    def setupUi(self, ChecklistDialog):
        if not ChecklistDialog.objectName():
            ChecklistDialog.setObjectName("ChecklistDialog")
        ChecklistDialog.resize(900, 700)
        self.dialogLayout = QVBoxLayout(ChecklistDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName("dialogLayout")
        self.dialogLayout.setContentsMargins(18, 14, 18, 14)
        self.headerRow = QHBoxLayout()
        self.headerRow.setObjectName("headerRow")
        self.checklistLabel = QLabel(ChecklistDialog)
        self.checklistLabel.setObjectName("checklistLabel")
        self.checklistLabel.setText("CUT-FAI")
        self.checklistLabel.setProperty("role", "caption")

        self.headerRow.addWidget(self.checklistLabel)

        self.positionLabel = QLabel(ChecklistDialog)
        self.positionLabel.setObjectName("positionLabel")
        self.positionLabel.setText("1 / 4")
        self.positionLabel.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.positionLabel.setProperty("role", "caption")

        self.headerRow.addWidget(self.positionLabel)

        self.dialogLayout.addLayout(self.headerRow)

        self.itemLabel = QLabel(ChecklistDialog)
        self.itemLabel.setObjectName("itemLabel")
        self.itemLabel.setText("Length")
        self.itemLabel.setWordWrap(True)
        self.itemLabel.setProperty("role", "title")

        self.dialogLayout.addWidget(self.itemLabel)

        self.dueLabel = QLabel(ChecklistDialog)
        self.dueLabel.setObjectName("dueLabel")
        self.dueLabel.setText("Due: first piece")
        self.dueLabel.setWordWrap(True)
        self.dueLabel.setProperty("role", "hint")

        self.dialogLayout.addWidget(self.dueLabel)

        self.errorLabel = QLabel(ChecklistDialog)
        self.errorLabel.setObjectName("errorLabel")
        self.errorLabel.setText("")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty("role", "error")

        self.dialogLayout.addWidget(self.errorLabel)

        self.answerStack = QStackedWidget(ChecklistDialog)
        self.answerStack.setObjectName("answerStack")
        self.passFailPage = QWidget()
        self.passFailPage.setObjectName("passFailPage")
        self.passFailLayout = QHBoxLayout(self.passFailPage)
        self.passFailLayout.setSpacing(24)
        self.passFailLayout.setObjectName("passFailLayout")
        self.passButton = QPushButton(self.passFailPage)
        self.passButton.setObjectName("passButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.passButton.sizePolicy().hasHeightForWidth())
        self.passButton.setSizePolicy(sizePolicy)
        self.passButton.setProperty("role", "go")

        self.passFailLayout.addWidget(self.passButton)

        self.failButton = QPushButton(self.passFailPage)
        self.failButton.setObjectName("failButton")
        sizePolicy.setHeightForWidth(self.failButton.sizePolicy().hasHeightForWidth())
        self.failButton.setSizePolicy(sizePolicy)
        self.failButton.setProperty("role", "alarm")

        self.passFailLayout.addWidget(self.failButton)

        self.answerStack.addWidget(self.passFailPage)
        self.numericPage = QWidget()
        self.numericPage.setObjectName("numericPage")
        self.numericLayout = QHBoxLayout(self.numericPage)
        self.numericLayout.setSpacing(18)
        self.numericLayout.setObjectName("numericLayout")
        self.valueColumn = QVBoxLayout()
        self.valueColumn.setSpacing(10)
        self.valueColumn.setObjectName("valueColumn")
        self.limitsLabel = QLabel(self.numericPage)
        self.limitsLabel.setObjectName("limitsLabel")
        self.limitsLabel.setText("99.5 \u2013 100.5 mm (target 100)")
        self.limitsLabel.setWordWrap(True)
        self.limitsLabel.setProperty("role", "value")

        self.valueColumn.addWidget(self.limitsLabel)

        self.displayRow = QHBoxLayout()
        self.displayRow.setObjectName("displayRow")
        self.valueDisplay = QLineEdit(self.numericPage)
        self.valueDisplay.setObjectName("valueDisplay")
        self.valueDisplay.setReadOnly(True)
        self.valueDisplay.setMinimumSize(QSize(0, 64))
        self.valueDisplay.setAlignment(Qt.AlignRight | Qt.AlignVCenter)

        self.displayRow.addWidget(self.valueDisplay)

        self.unitLabel = QLabel(self.numericPage)
        self.unitLabel.setObjectName("unitLabel")
        self.unitLabel.setText("mm")
        self.unitLabel.setProperty("role", "value")

        self.displayRow.addWidget(self.unitLabel)

        self.valueColumn.addLayout(self.displayRow)

        self.barHolder = QVBoxLayout()
        self.barHolder.setObjectName("barHolder")

        self.valueColumn.addLayout(self.barHolder)

        self.valueSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.valueColumn.addItem(self.valueSpacer)

        self.recordValueButton = QPushButton(self.numericPage)
        self.recordValueButton.setObjectName("recordValueButton")
        self.recordValueButton.setProperty("role", "go")

        self.valueColumn.addWidget(self.recordValueButton)

        self.numericLayout.addLayout(self.valueColumn)

        self.keypadHolder = QVBoxLayout()
        self.keypadHolder.setObjectName("keypadHolder")

        self.numericLayout.addLayout(self.keypadHolder)

        self.numericLayout.setStretch(0, 1)
        self.numericLayout.setStretch(1, 1)
        self.answerStack.addWidget(self.numericPage)
        self.textPage = QWidget()
        self.textPage.setObjectName("textPage")
        self.textLayout = QVBoxLayout(self.textPage)
        self.textLayout.setObjectName("textLayout")
        self.textEdit = QLineEdit(self.textPage)
        self.textEdit.setObjectName("textEdit")
        self.textEdit.setMaxLength(2000)

        self.textLayout.addWidget(self.textEdit)

        self.textSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.textLayout.addItem(self.textSpacer)

        self.recordTextButton = QPushButton(self.textPage)
        self.recordTextButton.setObjectName("recordTextButton")
        self.recordTextButton.setProperty("role", "go")

        self.textLayout.addWidget(self.recordTextButton)

        self.answerStack.addWidget(self.textPage)
        self.choicePage = QWidget()
        self.choicePage.setObjectName("choicePage")
        self.choiceLayout = QVBoxLayout(self.choicePage)
        self.choiceLayout.setSpacing(12)
        self.choiceLayout.setObjectName("choiceLayout")
        self.answerStack.addWidget(self.choicePage)

        self.dialogLayout.addWidget(self.answerStack)

        self.navigationRow = QHBoxLayout()
        self.navigationRow.setSpacing(12)
        self.navigationRow.setObjectName("navigationRow")
        self.previousButton = QPushButton(ChecklistDialog)
        self.previousButton.setObjectName("previousButton")
        self.previousButton.setProperty("role", "flat")

        self.navigationRow.addWidget(self.previousButton)

        self.skipButton = QPushButton(ChecklistDialog)
        self.skipButton.setObjectName("skipButton")
        self.skipButton.setProperty("role", "flat")

        self.navigationRow.addWidget(self.skipButton)

        self.closeButton = QPushButton(ChecklistDialog)
        self.closeButton.setObjectName("closeButton")

        self.navigationRow.addWidget(self.closeButton)

        self.dialogLayout.addLayout(self.navigationRow)

        self.dialogLayout.setStretch(4, 1)

        self.retranslateUi(ChecklistDialog)

    # setupUi

    def retranslateUi(self, ChecklistDialog):
        ChecklistDialog.setWindowTitle(QCoreApplication.translate("ChecklistDialog", "Checklist", None))
        self.passButton.setText(QCoreApplication.translate("ChecklistDialog", "Pass", None))
        self.failButton.setText(QCoreApplication.translate("ChecklistDialog", "Fail", None))
        self.recordValueButton.setText(QCoreApplication.translate("ChecklistDialog", "Record", None))
        self.recordTextButton.setText(QCoreApplication.translate("ChecklistDialog", "Record", None))
        self.previousButton.setText(QCoreApplication.translate("ChecklistDialog", "Previous", None))
        self.skipButton.setText(QCoreApplication.translate("ChecklistDialog", "Skip", None))
        self.closeButton.setText(QCoreApplication.translate("ChecklistDialog", "Close", None))

    # retranslateUi
