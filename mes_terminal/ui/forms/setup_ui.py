################################################################################
## Form generated from reading UI file 'setup.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)


class Ui_SetupDialog:
    def setupUi(self, SetupDialog):
        if not SetupDialog.objectName():
            SetupDialog.setObjectName("SetupDialog")
        SetupDialog.resize(1024, 768)
        self.dialogLayout = QVBoxLayout(SetupDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName("dialogLayout")
        self.dialogLayout.setContentsMargins(20, 12, 20, 12)
        self.titleLabel = QLabel(SetupDialog)
        self.titleLabel.setObjectName("titleLabel")
        self.titleLabel.setProperty("role", "title")

        self.dialogLayout.addWidget(self.titleLabel)

        self.hintLabel = QLabel(SetupDialog)
        self.hintLabel.setObjectName("hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setProperty("role", "hint")

        self.dialogLayout.addWidget(self.hintLabel)

        self.fieldsGrid = QGridLayout()
        self.fieldsGrid.setObjectName("fieldsGrid")
        self.fieldsGrid.setHorizontalSpacing(12)
        self.fieldsGrid.setVerticalSpacing(6)
        self.databaseCaption = QLabel(SetupDialog)
        self.databaseCaption.setObjectName("databaseCaption")

        self.fieldsGrid.addWidget(self.databaseCaption, 0, 0, 1, 1)

        self.databaseUrlEdit = QLineEdit(SetupDialog)
        self.databaseUrlEdit.setObjectName("databaseUrlEdit")
        self.databaseUrlEdit.setPlaceholderText("postgresql://mes@db.plant.local/mes")

        self.fieldsGrid.addWidget(self.databaseUrlEdit, 0, 1, 1, 1)

        self.testConnectionButton = QPushButton(SetupDialog)
        self.testConnectionButton.setObjectName("testConnectionButton")

        self.fieldsGrid.addWidget(self.testConnectionButton, 0, 2, 1, 1)

        self.databaseStatusLabel = QLabel(SetupDialog)
        self.databaseStatusLabel.setObjectName("databaseStatusLabel")
        self.databaseStatusLabel.setText("")
        self.databaseStatusLabel.setWordWrap(True)
        self.databaseStatusLabel.setProperty("role", "hint")

        self.fieldsGrid.addWidget(self.databaseStatusLabel, 1, 1, 1, 2)

        self.stationCaption = QLabel(SetupDialog)
        self.stationCaption.setObjectName("stationCaption")

        self.fieldsGrid.addWidget(self.stationCaption, 2, 0, 1, 1)

        self.stationCombo = QComboBox(SetupDialog)
        self.stationCombo.setObjectName("stationCombo")

        self.fieldsGrid.addWidget(self.stationCombo, 2, 1, 1, 2)

        self.scannerCaption = QLabel(SetupDialog)
        self.scannerCaption.setObjectName("scannerCaption")

        self.fieldsGrid.addWidget(self.scannerCaption, 3, 0, 1, 1)

        self.scannerRow = QHBoxLayout()
        self.scannerRow.setSpacing(12)
        self.scannerRow.setObjectName("scannerRow")
        self.wedgeRadio = QRadioButton(SetupDialog)
        self.wedgeRadio.setObjectName("wedgeRadio")
        self.wedgeRadio.setChecked(True)

        self.scannerRow.addWidget(self.wedgeRadio)

        self.serialRadio = QRadioButton(SetupDialog)
        self.serialRadio.setObjectName("serialRadio")

        self.scannerRow.addWidget(self.serialRadio)

        self.serialPortEdit = QLineEdit(SetupDialog)
        self.serialPortEdit.setObjectName("serialPortEdit")
        self.serialPortEdit.setPlaceholderText("/dev/ttyACM0")

        self.scannerRow.addWidget(self.serialPortEdit)

        self.scannerRow.setStretch(2, 1)

        self.fieldsGrid.addLayout(self.scannerRow, 3, 1, 1, 1)

        self.scanNowButton = QPushButton(SetupDialog)
        self.scanNowButton.setObjectName("scanNowButton")
        self.scanNowButton.setCheckable(True)

        self.fieldsGrid.addWidget(self.scanNowButton, 3, 2, 1, 1)

        self.serialRow = QHBoxLayout()
        self.serialRow.setSpacing(12)
        self.serialRow.setObjectName("serialRow")
        self.baudCombo = QComboBox(SetupDialog)
        self.baudCombo.setObjectName("baudCombo")
        self.baudCombo.setEditable(True)
        self.baudCombo.setMinimumSize(QSize(150, 0))

        self.serialRow.addWidget(self.baudCombo)

        self.terminatorCombo = QComboBox(SetupDialog)
        self.terminatorCombo.setObjectName("terminatorCombo")
        self.terminatorCombo.setMinimumSize(QSize(120, 0))

        self.serialRow.addWidget(self.terminatorCombo)

        self.scanStatusLabel = QLabel(SetupDialog)
        self.scanStatusLabel.setObjectName("scanStatusLabel")
        self.scanStatusLabel.setText("")
        self.scanStatusLabel.setWordWrap(True)
        self.scanStatusLabel.setProperty("role", "hint")

        self.serialRow.addWidget(self.scanStatusLabel)

        self.serialRow.setStretch(2, 1)

        self.fieldsGrid.addLayout(self.serialRow, 4, 1, 1, 2)

        self.printerCaption = QLabel(SetupDialog)
        self.printerCaption.setObjectName("printerCaption")

        self.fieldsGrid.addWidget(self.printerCaption, 5, 0, 1, 1)

        self.printerRow = QHBoxLayout()
        self.printerRow.setSpacing(8)
        self.printerRow.setObjectName("printerRow")
        self.printerKindCombo = QComboBox(SetupDialog)
        self.printerKindCombo.setObjectName("printerKindCombo")

        self.printerRow.addWidget(self.printerKindCombo)

        self.printerWhereCombo = QComboBox(SetupDialog)
        self.printerWhereCombo.setObjectName("printerWhereCombo")
        self.printerWhereCombo.setEditable(True)

        self.printerRow.addWidget(self.printerWhereCombo)

        self.printerRow.setStretch(1, 1)

        self.fieldsGrid.addLayout(self.printerRow, 5, 1, 1, 1)

        self.testPrintButton = QPushButton(SetupDialog)
        self.testPrintButton.setObjectName("testPrintButton")

        self.fieldsGrid.addWidget(self.testPrintButton, 5, 2, 1, 1)

        self.printerStatusLabel = QLabel(SetupDialog)
        self.printerStatusLabel.setObjectName("printerStatusLabel")
        self.printerStatusLabel.setText("")
        self.printerStatusLabel.setWordWrap(True)
        self.printerStatusLabel.setProperty("role", "hint")

        self.fieldsGrid.addWidget(self.printerStatusLabel, 6, 1, 1, 2)

        self.languageCaption = QLabel(SetupDialog)
        self.languageCaption.setObjectName("languageCaption")

        self.fieldsGrid.addWidget(self.languageCaption, 7, 0, 1, 1)

        self.languageCombo = QComboBox(SetupDialog)
        self.languageCombo.setObjectName("languageCombo")

        self.fieldsGrid.addWidget(self.languageCombo, 7, 1, 1, 2)

        self.adminCaption = QLabel(SetupDialog)
        self.adminCaption.setObjectName("adminCaption")

        self.fieldsGrid.addWidget(self.adminCaption, 8, 0, 1, 1)

        self.adminRow = QHBoxLayout()
        self.adminRow.setSpacing(8)
        self.adminRow.setObjectName("adminRow")
        self.adminBadgeEdit = QLineEdit(SetupDialog)
        self.adminBadgeEdit.setObjectName("adminBadgeEdit")
        self.adminBadgeEdit.setMaxLength(64)

        self.adminRow.addWidget(self.adminBadgeEdit)

        self.adminPinEdit = QLineEdit(SetupDialog)
        self.adminPinEdit.setObjectName("adminPinEdit")
        self.adminPinEdit.setMaxLength(12)
        self.adminPinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.adminRow.addWidget(self.adminPinEdit)

        self.fieldsGrid.addLayout(self.adminRow, 8, 1, 1, 2)

        self.fieldsGrid.setColumnStretch(1, 1)

        self.dialogLayout.addLayout(self.fieldsGrid)

        self.errorLabel = QLabel(SetupDialog)
        self.errorLabel.setObjectName("errorLabel")
        self.errorLabel.setText("")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty("role", "error")

        self.dialogLayout.addWidget(self.errorLabel)

        self.bottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(12)
        self.buttonRow.setObjectName("buttonRow")
        self.cancelButton = QPushButton(SetupDialog)
        self.cancelButton.setObjectName("cancelButton")

        self.buttonRow.addWidget(self.cancelButton)

        self.saveButton = QPushButton(SetupDialog)
        self.saveButton.setObjectName("saveButton")
        self.saveButton.setProperty("role", "go")

        self.buttonRow.addWidget(self.saveButton)

        self.dialogLayout.addLayout(self.buttonRow)

        QWidget.setTabOrder(self.databaseUrlEdit, self.testConnectionButton)
        QWidget.setTabOrder(self.testConnectionButton, self.stationCombo)
        QWidget.setTabOrder(self.stationCombo, self.wedgeRadio)
        QWidget.setTabOrder(self.wedgeRadio, self.serialRadio)
        QWidget.setTabOrder(self.serialRadio, self.serialPortEdit)
        QWidget.setTabOrder(self.serialPortEdit, self.baudCombo)
        QWidget.setTabOrder(self.baudCombo, self.terminatorCombo)
        QWidget.setTabOrder(self.terminatorCombo, self.scanNowButton)
        QWidget.setTabOrder(self.scanNowButton, self.printerKindCombo)
        QWidget.setTabOrder(self.printerKindCombo, self.printerWhereCombo)
        QWidget.setTabOrder(self.printerWhereCombo, self.testPrintButton)
        QWidget.setTabOrder(self.testPrintButton, self.languageCombo)
        QWidget.setTabOrder(self.languageCombo, self.adminBadgeEdit)
        QWidget.setTabOrder(self.adminBadgeEdit, self.adminPinEdit)
        QWidget.setTabOrder(self.adminPinEdit, self.saveButton)

        self.retranslateUi(SetupDialog)

    # setupUi

    def retranslateUi(self, SetupDialog):
        SetupDialog.setWindowTitle(QCoreApplication.translate("SetupDialog", "Station setup", None))
        self.titleLabel.setText(QCoreApplication.translate("SetupDialog", "Station setup", None))
        self.hintLabel.setText(
            QCoreApplication.translate(
                "SetupDialog", "Set up this terminal; an administrator's badge and PIN confirm the change.", None
            )
        )
        self.databaseCaption.setText(QCoreApplication.translate("SetupDialog", "Database", None))
        self.testConnectionButton.setText(QCoreApplication.translate("SetupDialog", "Test connection", None))
        self.stationCaption.setText(QCoreApplication.translate("SetupDialog", "Station", None))
        self.scannerCaption.setText(QCoreApplication.translate("SetupDialog", "Scanner", None))
        self.wedgeRadio.setText(QCoreApplication.translate("SetupDialog", "Keyboard", None))
        self.serialRadio.setText(QCoreApplication.translate("SetupDialog", "Serial port", None))
        self.scanNowButton.setText(QCoreApplication.translate("SetupDialog", "Scan now", None))
        # if QT_CONFIG(tooltip)
        self.baudCombo.setToolTip(QCoreApplication.translate("SetupDialog", "Baud rate", None))
        # endif // QT_CONFIG(tooltip)
        # if QT_CONFIG(tooltip)
        self.terminatorCombo.setToolTip(
            QCoreApplication.translate("SetupDialog", "What the scanner sends after each barcode", None)
        )
        # endif // QT_CONFIG(tooltip)
        self.printerCaption.setText(QCoreApplication.translate("SetupDialog", "Label printer", None))
        self.testPrintButton.setText(QCoreApplication.translate("SetupDialog", "Test print", None))
        self.languageCaption.setText(QCoreApplication.translate("SetupDialog", "Language", None))
        self.adminCaption.setText(QCoreApplication.translate("SetupDialog", "Administrator", None))
        self.adminBadgeEdit.setPlaceholderText(QCoreApplication.translate("SetupDialog", "Badge", None))
        self.adminPinEdit.setPlaceholderText(QCoreApplication.translate("SetupDialog", "PIN", None))
        self.cancelButton.setText(QCoreApplication.translate("SetupDialog", "Cancel", None))
        self.saveButton.setText(QCoreApplication.translate("SetupDialog", "Save and start", None))

    # retranslateUi
