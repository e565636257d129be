/* A stand-in for Windows' bcryptprimitives.dll, for the Wine of the `windows` stage only.
   Rust's std (1.78 and later) imports ProcessPrng from that DLL for its random hash keys; every
   Windows 10/11 has it, but Wine added it only in 8.13, so under Debian 12's Wine 8.0 every .exe
   fails to start (status 53). This forwards to RtlGenRandom (advapi32's SystemFunction036),
   which Wine 8.0 has. Built with MinGW by scripts/windows/test into the stage's Wine prefix. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    /* RtlGenRandom takes a 32-bit length; ProcessPrng a pointer-sized one. */
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!RtlGenRandom(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
