; Inno Setup 6 (6.3 or later) script: a Windows installer for the one-folder build.
;
;   python packaging\build.py --installer          (builds dist\qdplanner, then runs ISCC)
;   ISCC /DAppVersion=0.1.0 packaging\windows\qdplanner.iss
;
; Installs dist\qdplanner\ (qdplanner.exe, qdplanner-cli.exe, _internal\) into Program Files,
; or for the current user only when not run as administrator; adds a Start-menu shortcut, an
; optional desktop shortcut, and opens .qdplan files with qdplanner.exe "%1". The output is
; dist\qdplanner-VERSION-setup.exe. Paths below are relative to this file's folder.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "qdplanner"
#define AppExe "qdplanner.exe"
#define AssocExt ".qdplan"
#define AssocKey "qdplanner.plan"
#define AssocName "qdplanner plan"
#define BuildDir "..\..\dist\qdplanner"

[Setup]
; AppId identifies the program for upgrades and uninstall: never change it.
AppId={{4D04CC8E-9563-4C2C-826A-8A8BEF056EF9}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=qdplanner
AppCopyright=Copyright (c) qdplanner developers. MIT License.
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install without administrator rights, or for all users: the user chooses.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
LicenseFile=license.txt
SetupIconFile=..\..\resources\icons\qdplanner.ico
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\..\dist
OutputBaseFilename=qdplanner-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The program is running: close it before files are replaced.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries wholesale: no stale file of an older build stays.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .qdplan -> qdplanner.plan, opened with qdplanner.exe "%1". HKA is HKLM for an all-users
; install and HKCU for a per-user one.
Root: HKA; Subkey: "Software\Classes\{#AssocExt}\OpenWithProgids"; ValueType: string; ValueName: "{#AssocKey}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#AssocKey}"; ValueType: string; ValueName: ""; ValueData: "{#AssocName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#AssocKey}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#AssocKey}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#AssocExt}"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
