################################################################################
## Form generated from reading UI file 'supervisor_sign_in.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
)


class Ui_SupervisorSignIn:
    def setupUi(self, SupervisorSignIn):
        if not SupervisorSignIn.objectName():
            SupervisorSignIn.setObjectName("SupervisorSignIn")
        self.outerLayout = QVBoxLayout(SupervisorSignIn)
        self.outerLayout.setObjectName("outerLayout")
        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.topSpacer)

        self.signInCard = QFrame(SupervisorSignIn)
        self.signInCard.setObjectName("signInCard")
        self.signInCard.setMinimumSize(QSize(460, 0))
        self.formLayout = QFormLayout(self.signInCard)
        self.formLayout.setObjectName("formLayout")
        self.formLayout.setHorizontalSpacing(12)
        self.formLayout.setVerticalSpacing(12)
        self.titleLabel = QLabel(self.signInCard)
        self.titleLabel.setObjectName("titleLabel")
        self.titleLabel.setProperty("role", "title")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.titleLabel)

        self.hintLabel = QLabel(self.signInCard)
        self.hintLabel.setObjectName("hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setProperty("role", "hint")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.hintLabel)

        self.badgeLabel = QLabel(self.signInCard)
        self.badgeLabel.setObjectName("badgeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.badgeLabel)

        self.badgeEdit = QLineEdit(self.signInCard)
        self.badgeEdit.setObjectName("badgeEdit")
        self.badgeEdit.setMaxLength(64)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.badgeEdit)

        self.pinLabel = QLabel(self.signInCard)
        self.pinLabel.setObjectName("pinLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pinLabel)

        self.pinEdit = QLineEdit(self.signInCard)
        self.pinEdit.setObjectName("pinEdit")
        self.pinEdit.setMaxLength(32)
        self.pinEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pinEdit)

        self.errorLabel = QLabel(self.signInCard)
        self.errorLabel.setObjectName("errorLabel")
        self.errorLabel.setText("")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty("role", "error")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.errorLabel)

        self.signInButton = QPushButton(self.signInCard)
        self.signInButton.setObjectName("signInButton")
        self.signInButton.setProperty("role", "go")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.signInButton)

        self.outerLayout.addWidget(self.signInCard, 0, Qt.AlignHCenter)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.bottomSpacer)

        # if QT_CONFIG(shortcut)
        self.badgeLabel.setBuddy(self.badgeEdit)
        self.pinLabel.setBuddy(self.pinEdit)
        # endif // QT_CONFIG(shortcut)

        self.retranslateUi(SupervisorSignIn)

        self.signInButton.setDefault(True)

    # setupUi

    def retranslateUi(self, SupervisorSignIn):
        self.titleLabel.setText(
            QCoreApplication.translate("SupervisorSignIn", "Sign in to the supervisor console", None)
        )
        self.hintLabel.setText(
            QCoreApplication.translate(
                "SupervisorSignIn", "Scan your badge or type its number, then enter your PIN.", None
            )
        )
        self.badgeLabel.setText(QCoreApplication.translate("SupervisorSignIn", "Badge", None))
        self.pinLabel.setText(QCoreApplication.translate("SupervisorSignIn", "PIN", None))
        self.signInButton.setText(QCoreApplication.translate("SupervisorSignIn", "Sign in", None))
        pass

    # retranslateUi
