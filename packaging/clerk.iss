; Inno Setup script for Clerk's Windows installer.
;
;   iscc /DAppVersion=0.1.0 packaging\clerk.iss
;
; Builds dist\installer\Clerk-<version>-setup.exe from dist\Clerk (made by packaging\build.py).
; Installs per user without administrator rights (council IT can still install for all users
; with /ALLUSERS), adds a Start-menu shortcut, opens .minutes files in Clerk, and uninstalls
; cleanly: the program folder and the file association go; the clerk's meetings, and Clerk's
; settings and recovery copies in %LOCALAPPDATA%\Clerk, stay.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6F1D2C8E-4B7A-4E0F-9A51-3C2D8B7E6A10}
AppName=Clerk
AppVersion={#AppVersion}
AppVerName=Clerk {#AppVersion}
AppPublisher=Clerk
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Clerk
VersionInfoDescription=Clerk installer
DefaultDirName={autopf}\Clerk
DefaultGroupName=Clerk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=Clerk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\clerk.ico
UninstallDisplayIcon={app}\Clerk.exe
UninstallDisplayName=Clerk {#AppVersion}
ChangesAssociations=yes
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Create a &desktop shortcut"; Flags: unchecked

[Files]
Source: "..\dist\Clerk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Clerk"; Filename: "{app}\Clerk.exe"; Comment: "Write the minutes of council meetings"
Name: "{autodesktop}\Clerk"; Filename: "{app}\Clerk.exe"; Tasks: desktopicon

[Registry]
; HKA is the current user's classes for a per-user install, the machine's for an all-users one.
Root: HKA; Subkey: "Software\Classes\.minutes"; ValueType: string; ValueName: ""; ValueData: "Clerk.Meeting"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.minutes\OpenWithProgids"; ValueType: string; ValueName: "Clerk.Meeting"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Clerk.Meeting"; ValueType: string; ValueName: ""; ValueData: "Clerk meeting"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Clerk.Meeting\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\Clerk.exe,0"
Root: HKA; Subkey: "Software\Classes\Clerk.Meeting\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Clerk.exe"" ""%1"""

[Run]
Filename: "{app}\Clerk.exe"; Description: "Start Clerk"; Flags: nowait postinstall skipifsilent
