################################################################################
## Form generated from reading UI file 'sign_in_screen.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)


class Ui_SignInScreen:
    def setupUi(self, SignInScreen):
        if not SignInScreen.objectName():
            SignInScreen.setObjectName("SignInScreen")
        SignInScreen.resize(1024, 640)
        self.signInLayout = QHBoxLayout(SignInScreen)
        self.signInLayout.setSpacing(24)
        self.signInLayout.setObjectName("signInLayout")
        self.signInLayout.setContentsMargins(24, 12, 24, 12)
        self.formColumn = QVBoxLayout()
        self.formColumn.setSpacing(10)
        self.formColumn.setObjectName("formColumn")
        self.titleLabel = QLabel(SignInScreen)
        self.titleLabel.setObjectName("titleLabel")
        self.titleLabel.setProperty("role", "title")

        self.formColumn.addWidget(self.titleLabel)

        self.hintLabel = QLabel(SignInScreen)
        self.hintLabel.setObjectName("hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setProperty("role", "hint")

        self.formColumn.addWidget(self.hintLabel)

        self.badgeCaption = QLabel(SignInScreen)
        self.badgeCaption.setObjectName("badgeCaption")

        self.formColumn.addWidget(self.badgeCaption)

        self.badgeEdit = QLineEdit(SignInScreen)
        self.badgeEdit.setObjectName("badgeEdit")
        self.badgeEdit.setMaxLength(64)

        self.formColumn.addWidget(self.badgeEdit)

        self.pinCaption = QLabel(SignInScreen)
        self.pinCaption.setObjectName("pinCaption")

        self.formColumn.addWidget(self.pinCaption)

        self.pinEdit = QLineEdit(SignInScreen)
        self.pinEdit.setObjectName("pinEdit")
        self.pinEdit.setMaxLength(12)
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formColumn.addWidget(self.pinEdit)

        self.lockoutLabel = QLabel(SignInScreen)
        self.lockoutLabel.setObjectName("lockoutLabel")
        self.lockoutLabel.setText("")
        self.lockoutLabel.setWordWrap(True)
        self.lockoutLabel.setProperty("role", "error")

        self.formColumn.addWidget(self.lockoutLabel)

        self.formSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.formColumn.addItem(self.formSpacer)

        self.formButtons = QHBoxLayout()
        self.formButtons.setSpacing(12)
        self.formButtons.setObjectName("formButtons")
        self.backButton = QPushButton(SignInScreen)
        self.backButton.setObjectName("backButton")

        self.formButtons.addWidget(self.backButton)

        self.signInButton = QPushButton(SignInScreen)
        self.signInButton.setObjectName("signInButton")
        self.signInButton.setProperty("role", "go")

        self.formButtons.addWidget(self.signInButton)

        self.formColumn.addLayout(self.formButtons)

        self.formColumn.setStretch(7, 1)

        self.signInLayout.addLayout(self.formColumn)

        self.keypadSlot = QWidget(SignInScreen)
        self.keypadSlot.setObjectName("keypadSlot")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.keypadSlot.sizePolicy().hasHeightForWidth())
        self.keypadSlot.setSizePolicy(sizePolicy)
        self.keypadSlot.setMinimumSize(QSize(360, 360))
        self.keypadLayout = QVBoxLayout(self.keypadSlot)
        self.keypadLayout.setObjectName("keypadLayout")
        self.keypadLayout.setContentsMargins(0, 0, 0, 0)

        self.signInLayout.addWidget(self.keypadSlot)

        self.retranslateUi(SignInScreen)

    # setupUi

    def retranslateUi(self, SignInScreen):
        self.titleLabel.setText(QCoreApplication.translate("SignInScreen", "Sign in", None))
        self.hintLabel.setText(
            QCoreApplication.translate("SignInScreen", "Scan your badge, or tap your badge number and PIN.", None)
        )
        self.badgeCaption.setText(QCoreApplication.translate("SignInScreen", "Badge", None))
        self.pinCaption.setText(QCoreApplication.translate("SignInScreen", "PIN", None))
        self.backButton.setText(QCoreApplication.translate("SignInScreen", "Back", None))
        self.signInButton.setText(QCoreApplication.translate("SignInScreen", "Sign in", None))
        pass

    # retranslateUi
