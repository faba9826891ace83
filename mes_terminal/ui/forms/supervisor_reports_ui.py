################################################################################
## Form generated from reading UI file 'supervisor_reports.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mes_terminal.ui.charts.pareto_chart import ParetoChart
from mes_terminal.ui.charts.spc_chart import SpcChart


class Ui_SupervisorReports:
    def setupUi(self, SupervisorReports):
        if not SupervisorReports.objectName():
            SupervisorReports.setObjectName("SupervisorReports")
        self.reportsLayout = QVBoxLayout(SupervisorReports)
        self.reportsLayout.setObjectName("reportsLayout")
        self.rangeLayout = QHBoxLayout()
        self.rangeLayout.setObjectName("rangeLayout")
        self.fromLabel = QLabel(SupervisorReports)
        self.fromLabel.setObjectName("fromLabel")

        self.rangeLayout.addWidget(self.fromLabel)

        self.fromEdit = QDateEdit(SupervisorReports)
        self.fromEdit.setObjectName("fromEdit")
        self.fromEdit.setCalendarPopup(True)
        self.fromEdit.setDisplayFormat("yyyy-MM-dd")

        self.rangeLayout.addWidget(self.fromEdit)

        self.toLabel = QLabel(SupervisorReports)
        self.toLabel.setObjectName("toLabel")

        self.rangeLayout.addWidget(self.toLabel)

        self.toEdit = QDateEdit(SupervisorReports)
        self.toEdit.setObjectName("toEdit")
        self.toEdit.setCalendarPopup(True)
        self.toEdit.setDisplayFormat("yyyy-MM-dd")

        self.rangeLayout.addWidget(self.toEdit)

        self.scopeLabel = QLabel(SupervisorReports)
        self.scopeLabel.setObjectName("scopeLabel")

        self.rangeLayout.addWidget(self.scopeLabel)

        self.scopeCombo = QComboBox(SupervisorReports)
        self.scopeCombo.setObjectName("scopeCombo")
        self.scopeCombo.setMinimumContentsLength(28)
        self.scopeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.rangeLayout.addWidget(self.scopeCombo)

        self.showButton = QPushButton(SupervisorReports)
        self.showButton.setObjectName("showButton")
        self.showButton.setProperty("role", "go")

        self.rangeLayout.addWidget(self.showButton)

        self.rangeSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rangeLayout.addItem(self.rangeSpacer)

        self.exportCsvButton = QPushButton(SupervisorReports)
        self.exportCsvButton.setObjectName("exportCsvButton")
        self.exportCsvButton.setEnabled(False)

        self.rangeLayout.addWidget(self.exportCsvButton)

        self.exportPdfButton = QPushButton(SupervisorReports)
        self.exportPdfButton.setObjectName("exportPdfButton")
        self.exportPdfButton.setEnabled(False)

        self.rangeLayout.addWidget(self.exportPdfButton)

        self.reportsLayout.addLayout(self.rangeLayout)

        self.summaryLabel = QLabel(SupervisorReports)
        self.summaryLabel.setObjectName("summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setProperty("role", "hint")

        self.reportsLayout.addWidget(self.summaryLabel)

        self.reportTabs = QTabWidget(SupervisorReports)
        self.reportTabs.setObjectName("reportTabs")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.reportTabs.sizePolicy().hasHeightForWidth())
        self.reportTabs.setSizePolicy(sizePolicy)
        self.oeeTab = QWidget()
        self.oeeTab.setObjectName("oeeTab")
        self.oeeLayout = QHBoxLayout(self.oeeTab)
        self.oeeLayout.setObjectName("oeeLayout")
        self.oeeSplitter = QSplitter(self.oeeTab)
        self.oeeSplitter.setObjectName("oeeSplitter")
        self.oeeSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.oeeSplitter.setChildrenCollapsible(False)
        self.oeeView = QTableView(self.oeeSplitter)
        self.oeeView.setObjectName("oeeView")
        self.oeeView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.oeeView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.oeeView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.oeeView.setAlternatingRowColors(True)
        self.oeeSplitter.addWidget(self.oeeView)
        self.explainBox = QGroupBox(self.oeeSplitter)
        self.explainBox.setObjectName("explainBox")
        self.explainLayout = QVBoxLayout(self.explainBox)
        self.explainLayout.setObjectName("explainLayout")
        self.explainLabel = QLabel(self.explainBox)
        self.explainLabel.setObjectName("explainLabel")
        self.explainLabel.setWordWrap(True)

        self.explainLayout.addWidget(self.explainLabel)

        self.explainView = QTreeView(self.explainBox)
        self.explainView.setObjectName("explainView")
        self.explainView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.explainView.setAlternatingRowColors(True)
        self.explainView.setWordWrap(True)

        self.explainLayout.addWidget(self.explainView)

        self.oeeSplitter.addWidget(self.explainBox)

        self.oeeLayout.addWidget(self.oeeSplitter)

        self.reportTabs.addTab(self.oeeTab, "")
        self.downtimeTab = QWidget()
        self.downtimeTab.setObjectName("downtimeTab")
        self.downtimeLayout = QVBoxLayout(self.downtimeTab)
        self.downtimeLayout.setObjectName("downtimeLayout")
        self.downtimeSplitter = QSplitter(self.downtimeTab)
        self.downtimeSplitter.setObjectName("downtimeSplitter")
        self.downtimeSplitter.setOrientation(Qt.Orientation.Vertical)
        self.downtimeSplitter.setChildrenCollapsible(False)
        self.downtimeChart = ParetoChart(self.downtimeSplitter)
        self.downtimeChart.setObjectName("downtimeChart")
        self.downtimeSplitter.addWidget(self.downtimeChart)
        self.downtimeView = QTableView(self.downtimeSplitter)
        self.downtimeView.setObjectName("downtimeView")
        self.downtimeView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.downtimeView.setAlternatingRowColors(True)
        self.downtimeSplitter.addWidget(self.downtimeView)

        self.downtimeLayout.addWidget(self.downtimeSplitter)

        self.reportTabs.addTab(self.downtimeTab, "")
        self.scrapTab = QWidget()
        self.scrapTab.setObjectName("scrapTab")
        self.scrapLayout = QVBoxLayout(self.scrapTab)
        self.scrapLayout.setObjectName("scrapLayout")
        self.scrapSplitter = QSplitter(self.scrapTab)
        self.scrapSplitter.setObjectName("scrapSplitter")
        self.scrapSplitter.setOrientation(Qt.Orientation.Vertical)
        self.scrapSplitter.setChildrenCollapsible(False)
        self.scrapChart = ParetoChart(self.scrapSplitter)
        self.scrapChart.setObjectName("scrapChart")
        self.scrapSplitter.addWidget(self.scrapChart)
        self.scrapView = QTableView(self.scrapSplitter)
        self.scrapView.setObjectName("scrapView")
        self.scrapView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.scrapView.setAlternatingRowColors(True)
        self.scrapSplitter.addWidget(self.scrapView)

        self.scrapLayout.addWidget(self.scrapSplitter)

        self.reportTabs.addTab(self.scrapTab, "")
        self.spcTab = QWidget()
        self.spcTab.setObjectName("spcTab")
        self.spcLayout = QVBoxLayout(self.spcTab)
        self.spcLayout.setObjectName("spcLayout")
        self.spcPickLayout = QHBoxLayout()
        self.spcPickLayout.setObjectName("spcPickLayout")
        self.characteristicLabel = QLabel(self.spcTab)
        self.characteristicLabel.setObjectName("characteristicLabel")

        self.spcPickLayout.addWidget(self.characteristicLabel)

        self.characteristicCombo = QComboBox(self.spcTab)
        self.characteristicCombo.setObjectName("characteristicCombo")
        self.characteristicCombo.setMinimumContentsLength(32)
        self.characteristicCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.spcPickLayout.addWidget(self.characteristicCombo)

        self.baselineLabel = QLabel(self.spcTab)
        self.baselineLabel.setObjectName("baselineLabel")

        self.spcPickLayout.addWidget(self.baselineLabel)

        self.baselineSpin = QSpinBox(self.spcTab)
        self.baselineSpin.setObjectName("baselineSpin")
        self.baselineSpin.setMinimum(1)
        self.baselineSpin.setMaximum(1000)
        self.baselineSpin.setValue(1)

        self.spcPickLayout.addWidget(self.baselineSpin)

        self.subgroupLabel = QLabel(self.spcTab)
        self.subgroupLabel.setObjectName("subgroupLabel")

        self.spcPickLayout.addWidget(self.subgroupLabel)

        self.subgroupSpin = QSpinBox(self.spcTab)
        self.subgroupSpin.setObjectName("subgroupSpin")
        self.subgroupSpin.setMinimum(1)
        self.subgroupSpin.setMaximum(25)

        self.spcPickLayout.addWidget(self.subgroupSpin)

        self.spcRangeCheck = QCheckBox(self.spcTab)
        self.spcRangeCheck.setObjectName("spcRangeCheck")

        self.spcPickLayout.addWidget(self.spcRangeCheck)

        self.spcButton = QPushButton(self.spcTab)
        self.spcButton.setObjectName("spcButton")

        self.spcPickLayout.addWidget(self.spcButton)

        self.spcSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.spcPickLayout.addItem(self.spcSpacer)

        self.capabilityLabel = QLabel(self.spcTab)
        self.capabilityLabel.setObjectName("capabilityLabel")
        self.capabilityLabel.setText("")

        self.spcPickLayout.addWidget(self.capabilityLabel)

        self.spcLayout.addLayout(self.spcPickLayout)

        self.spcSplitter = QSplitter(self.spcTab)
        self.spcSplitter.setObjectName("spcSplitter")
        self.spcSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.spcSplitter.setChildrenCollapsible(False)
        self.spcChart = SpcChart(self.spcSplitter)
        self.spcChart.setObjectName("spcChart")
        self.spcSplitter.addWidget(self.spcChart)
        self.violationsBox = QGroupBox(self.spcSplitter)
        self.violationsBox.setObjectName("violationsBox")
        self.violationsLayout = QVBoxLayout(self.violationsBox)
        self.violationsLayout.setObjectName("violationsLayout")
        self.violationsList = QListWidget(self.violationsBox)
        self.violationsList.setObjectName("violationsList")
        self.violationsList.setWordWrap(True)

        self.violationsLayout.addWidget(self.violationsList)

        self.spcSplitter.addWidget(self.violationsBox)

        self.spcLayout.addWidget(self.spcSplitter)

        self.spcLayout.setStretch(1, 1)
        self.reportTabs.addTab(self.spcTab, "")

        self.reportsLayout.addWidget(self.reportTabs)

        self.retranslateUi(SupervisorReports)

        self.showButton.setDefault(True)

    # setupUi

    def retranslateUi(self, SupervisorReports):
        self.fromLabel.setText(QCoreApplication.translate("SupervisorReports", "From", None))
        self.toLabel.setText(QCoreApplication.translate("SupervisorReports", "to (including)", None))
        self.scopeLabel.setText(QCoreApplication.translate("SupervisorReports", "Scope", None))
        self.showButton.setText(QCoreApplication.translate("SupervisorReports", "Show", None))
        self.exportCsvButton.setText(QCoreApplication.translate("SupervisorReports", "Export CSV\u2026", None))
        self.exportPdfButton.setText(QCoreApplication.translate("SupervisorReports", "Export PDF\u2026", None))
        self.summaryLabel.setText(
            QCoreApplication.translate(
                "SupervisorReports",
                "Choose a range and a scope, then Show. Select a row of the OEE table to see how each figure is made.",
                None,
            )
        )
        self.explainBox.setTitle(QCoreApplication.translate("SupervisorReports", "How the figures are made", None))
        self.explainLabel.setText(QCoreApplication.translate("SupervisorReports", "Select a row.", None))
        self.reportTabs.setTabText(
            self.reportTabs.indexOf(self.oeeTab),
            QCoreApplication.translate("SupervisorReports", "OEE by station and shift", None),
        )
        self.reportTabs.setTabText(
            self.reportTabs.indexOf(self.downtimeTab),
            QCoreApplication.translate("SupervisorReports", "Downtime Pareto", None),
        )
        self.reportTabs.setTabText(
            self.reportTabs.indexOf(self.scrapTab),
            QCoreApplication.translate("SupervisorReports", "Scrap Pareto", None),
        )
        self.characteristicLabel.setText(QCoreApplication.translate("SupervisorReports", "Characteristic", None))
        self.baselineLabel.setText(QCoreApplication.translate("SupervisorReports", "Baseline", None))
        self.baselineSpin.setSpecialValueText(QCoreApplication.translate("SupervisorReports", "site default", None))
        self.subgroupLabel.setText(QCoreApplication.translate("SupervisorReports", "Subgroup", None))
        # if QT_CONFIG(tooltip)
        self.subgroupSpin.setToolTip(
            QCoreApplication.translate(
                "SupervisorReports", "1: individuals (I-MR); 2 to 8: X-bar/R; 9 to 25: X-bar/S", None
            )
        )
        # endif // QT_CONFIG(tooltip)
        self.spcRangeCheck.setText(
            QCoreApplication.translate("SupervisorReports", "Only the range and station above", None)
        )
        self.spcButton.setText(QCoreApplication.translate("SupervisorReports", "Chart", None))
        self.violationsBox.setTitle(QCoreApplication.translate("SupervisorReports", "Nelson rule violations", None))
        self.reportTabs.setTabText(
            self.reportTabs.indexOf(self.spcTab), QCoreApplication.translate("SupervisorReports", "SPC", None)
        )
        pass

    # retranslateUi
