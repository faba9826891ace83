; Inno Setup 6 script: the Windows installer of MES Terminal. Built by `python installer/build.py` on
; Windows when Inno Setup is installed (it passes AppVersion, BundleDir and IconDir); by hand:
;   ISCC.exe /DAppVersion=0.1.0 /DBundleDir=..\..\dist\mes-terminal /DIconDir=..\..\build\icons mes-terminal.iss
;
; Installs the one-folder bundle into Program Files with Start-menu entries for the operator terminal,
; the supervisor console and the station setup. Settings stay in each user's %LOCALAPPDATA%, so an
; upgrade (a newer installer run over the old one) keeps them; the database is never touched here.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\mes-terminal"
#endif
#ifndef IconDir
  #define IconDir "..\..\build\icons"
#endif

[Setup]
; A fixed AppId makes every later version an upgrade of this one, not a second installation.
AppId={{6C1E7A52-4F0B-4E55-9A3D-2B8E5D0F7C11}
AppName=MES Terminal
AppVersion={#AppVersion}
AppVerName=MES Terminal {#AppVersion}
AppPublisher=MES Terminal contributors
DefaultDirName={autopf}\MES Terminal
DefaultGroupName=MES Terminal
DisableProgramGroupPage=yes
OutputBaseFilename=mes-terminal-{#AppVersion}-setup
SetupIconFile={#IconDir}\mes-terminal.ico
UninstallDisplayIcon={app}\mes-terminal-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "autostart"; Description: "Start the operator terminal when this user signs in (touch terminal)"; GroupDescription: "Kiosk:"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: no library of the old version may linger beside the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#IconDir}\mes-terminal.ico"; DestDir: "{app}\icons"; Flags: ignoreversion
Source: "{#IconDir}\mes-supervisor.ico"; DestDir: "{app}\icons"; Flags: ignoreversion

[Icons]
Name: "{group}\MES Terminal"; Filename: "{app}\mes-terminal-gui.exe"; Parameters: "terminal"; IconFilename: "{app}\icons\mes-terminal.ico"; Comment: "The operator terminal of this workstation"
Name: "{group}\MES Supervisor"; Filename: "{app}\mes-terminal-gui.exe"; Parameters: "supervisor"; IconFilename: "{app}\icons\mes-supervisor.ico"; Comment: "Line status, work orders, quality, reports"
Name: "{group}\Station setup"; Filename: "{app}\mes-terminal-gui.exe"; Parameters: "setup"; IconFilename: "{app}\icons\mes-terminal.ico"; Comment: "Database, station, scanner, printer, language (admin PIN)"
Name: "{group}\MES Terminal doctor"; Filename: "{cmd}"; Parameters: "/k ""{app}\mes-terminal.exe"" doctor"; IconFilename: "{app}\icons\mes-terminal.ico"; Comment: "Check settings, database, scanner, printer"
Name: "{group}\{cm:UninstallProgram,MES Terminal}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\MES Terminal"; Filename: "{app}\mes-terminal-gui.exe"; Parameters: "terminal"; IconFilename: "{app}\icons\mes-terminal.ico"; Tasks: desktopicon
Name: "{userstartup}\MES Terminal"; Filename: "{app}\mes-terminal-gui.exe"; Parameters: "terminal"; IconFilename: "{app}\icons\mes-terminal.ico"; Tasks: autostart

[Run]
Filename: "{app}\mes-terminal-gui.exe"; Parameters: "setup"; Description: "Set up this station now"; Flags: postinstall nowait skipifsilent unchecked
