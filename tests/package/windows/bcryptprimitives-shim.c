/* Test harness only, for running peerview.exe under Wine 8: Wine 8 lacks bcryptprimitives.dll,
 * and Rust's std asks it for ProcessPrng. Real Windows (10 and later) has the DLL; the installer
 * never carries this file. Built by tests/package/check-windows.sh with
 *   x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll bcryptprimitives-shim.c -ladvapi32 */
#include <windows.h>
#include <ntsecapi.h>
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    return RtlGenRandom(data, (ULONG)len);
}
