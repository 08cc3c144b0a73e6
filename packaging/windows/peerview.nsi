; Peerview's Windows installer (NSIS 3, built on Linux by `scripts/package --windows`).
; Defines from the command line: VERSION (x.y.z), FILES (folder with peerview.exe, the mingw
; runtime DLLs, peerview.ico, LICENSE.txt), OUTFILE (the installer to write).
;
; A per-user install: no administrator rights needed (candidates often have none), the program
; in %LOCALAPPDATA%\Programs\Peerview, the peerview: link scheme and the uninstall entry under
; HKEY_CURRENT_USER. Uninstalling keeps the user's data (%APPDATA%\Peerview): it holds their
; interviews and recordings.

; A 64-bit installer for the 64-bit app (it also runs under a Wine without 32-bit support).
Target amd64-unicode
SetCompressor /SOLID lzma
!include "MUI2.nsh"

Name "Peerview"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Peerview"
InstallDirRegKey HKCU "Software\Peerview" "InstallDir"
RequestExecutionLevel user

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "Peerview"
VIAddVersionKey "FileDescription" "Peerview installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "The Peerview developers (MIT OR Apache-2.0)"

!define MUI_ICON "${FILES}\peerview.ico"
!define MUI_UNICON "${FILES}\peerview.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\peerview.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open Peerview"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${FILES}\LICENSE.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Peerview"

Section "Peerview"
  SetOutPath "$INSTDIR"
  File "${FILES}\peerview.exe"
  File "${FILES}\*.dll"
  File "${FILES}\peerview.ico"
  File "${FILES}\LICENSE.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\Peerview" "InstallDir" "$INSTDIR"
  CreateShortcut "$SMPROGRAMS\Peerview.lnk" "$INSTDIR\peerview.exe" "" "$INSTDIR\peerview.ico"

  ; peerview:join/<ticket> links open the app on the invite.
  WriteRegStr HKCU "Software\Classes\peerview" "" "URL:Peerview invite"
  WriteRegStr HKCU "Software\Classes\peerview" "URL Protocol" ""
  WriteRegStr HKCU "Software\Classes\peerview\DefaultIcon" "" "$INSTDIR\peerview.ico"
  WriteRegStr HKCU "Software\Classes\peerview\shell\open\command" "" '"$INSTDIR\peerview.exe" gui "%1"'

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Peerview"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The Peerview developers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\peerview.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\Peerview.lnk"
  Delete "$INSTDIR\peerview.exe"
  Delete "$INSTDIR\*.dll"
  Delete "$INSTDIR\peerview.ico"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "Software\Classes\peerview"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Peerview"
SectionEnd
