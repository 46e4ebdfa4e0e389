// Kernel names a generated C file can use (see c_names.hpp).
#include "codegen/c_names.hpp"

#include <array>
#include <string_view>

namespace spad::codegen {
namespace {

constexpr std::array<std::string_view, 54> kKeywords = {
    "auto",         "break",   "case",          "char",    "const",    "continue",  "default",
    "do",           "double",  "else",          "enum",    "extern",   "float",     "for",
    "goto",         "if",      "inline",        "int",     "long",     "register",  "restrict",
    "return",       "short",   "signed",        "sizeof",  "static",   "struct",    "switch",
    "typedef",      "union",   "unsigned",      "void",    "volatile", "while",     "bool",
    "true",         "false",   "nullptr",       "alignas", "alignof",  "constexpr", "static_assert",
    "thread_local", "typeof",  "typeof_unqual", "asm",     "fortran",  "complex",   "imaginary",
    "noreturn",     "defined", "include",       "define",  "pragma"};

// The generated file's own identifiers that do not start with spad_.
constexpr std::array<std::string_view, 4> kOwn = {"main", "dma_in", "dma_out", "dma_wait"};

// Names the included headers declare (C99 and the POSIX/GNU extras of a
// default glibc build) beyond the reserved patterns below.
constexpr std::array<std::string_view, 213> kLibrary = {
    // <stddef.h>, <stdint.h>
    "ptrdiff_t", "size_t", "wchar_t", "max_align_t", "offsetof", "NULL", "intptr_t", "uintptr_t",
    "intmax_t", "uintmax_t", "SIZE_MAX", "PTRDIFF_MIN", "PTRDIFF_MAX", "SIG_ATOMIC_MIN",
    "SIG_ATOMIC_MAX", "WCHAR_MIN", "WCHAR_MAX", "WINT_MIN", "WINT_MAX", "INTMAX_C", "UINTMAX_C",
    // <stdio.h>
    "FILE", "fpos_t", "EOF", "BUFSIZ", "FILENAME_MAX", "FOPEN_MAX", "L_tmpnam", "SEEK_CUR",
    "SEEK_END", "SEEK_SET", "TMP_MAX", "stdin", "stdout", "stderr", "remove", "rename", "tmpfile",
    "tmpnam", "fclose", "fflush", "fopen", "freopen", "setbuf", "setvbuf", "fprintf", "fscanf",
    "printf", "scanf", "snprintf", "sprintf", "sscanf", "vfprintf", "vfscanf", "vprintf", "vscanf",
    "vsnprintf", "vsprintf", "vsscanf", "fgetc", "fgets", "fputc", "fputs", "getc", "getchar",
    "gets", "putc", "putchar", "puts", "ungetc", "fread", "fwrite", "fgetpos", "fseek", "fsetpos",
    "ftell", "rewind", "clearerr", "feof", "ferror", "perror", "fileno", "popen", "pclose",
    "getline", "getdelim", "dprintf", "fdopen", "ctermid", "tempnam", "flockfile", "funlockfile",
    "ftrylockfile", "getw", "putw", "fmemopen", "open_memstream", "renameat", "fseeko", "ftello",
    "off_t", "ssize_t", "va_list",
    // <stdlib.h>
    "atof", "atoi", "atol", "atoll", "rand", "srand", "calloc", "free", "malloc", "realloc",
    "abort", "atexit", "exit", "getenv", "system", "bsearch", "qsort", "abs", "labs", "llabs",
    "div", "ldiv", "lldiv", "div_t", "ldiv_t", "lldiv_t", "mblen", "mbtowc", "wctomb", "mbstowcs",
    "wcstombs", "aligned_alloc", "at_quick_exit", "quick_exit", "EXIT_FAILURE", "EXIT_SUCCESS",
    "MB_CUR_MAX", "RAND_MAX", "random", "srandom", "setenv", "unsetenv", "putenv", "mkstemp",
    "mkdtemp", "mktemp", "realpath", "posix_memalign", "valloc", "alloca", "drand48", "lrand48",
    "mrand48", "srand48", "rand_r",
    // <string.h> (with <strings.h> in a default glibc build)
    "bcmp", "bcopy", "bzero", "index", "rindex", "ffs", "stpcpy", "stpncpy",
    // <string.h> and <stdlib.h> string functions (C99 and glibc's)
    "memchr", "memcmp", "memcpy", "memmove", "memset", "strcat", "strchr", "strcmp", "strcoll",
    "strcpy", "strcspn", "strerror", "strlen", "strncat", "strncmp", "strncpy", "strpbrk",
    "strrchr", "strspn", "strstr", "strtok", "strxfrm", "strtod", "strtof", "strtol", "strtold",
    "strtoll", "strtoul", "strtoull", "strdup", "strndup", "strnlen", "strsep", "strsignal",
    "strcasecmp", "strncasecmp", "strtok_r", "memccpy", "mempcpy", "memmem", "memrchr", "strchrnul",
    "strcasestr", "strverscmp", "strerror_r", "strlcpy", "strlcat"};

bool lower(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

std::string kernel_name_problem(const std::string& name) {
  if (name.empty() || name.size() > 63) return "a kernel name has 1 to 63 characters";
  if (name[0] >= '0' && name[0] <= '9') return "a C identifier does not start with a digit";
  for (char c : name)
    if (!lower(c) && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '_')
      return "a C identifier has only letters, digits and '_'";
  const std::string_view n = name;
  if (n.starts_with("spad_")) return "names starting with 'spad_' are the generated runtime's";
  if (n.front() == '_') return "C reserves file-scope names starting with '_'";
  for (std::string_view k : kKeywords)
    if (n == k) return "'" + name + "' is a C keyword";
  for (std::string_view k : kOwn)
    if (n == k) return "'" + name + "' is a function of the generated file";
  for (std::string_view k : kLibrary)
    if (n == k)
      return "'" + name + "' is declared by a C library header the generated file includes";
  if ((n.starts_with("int") || n.starts_with("uint")) && n.ends_with("_t"))
    return "C reserves int..._t and uint..._t type names (<stdint.h>)";
  if ((n.starts_with("INT") || n.starts_with("UINT")) &&
      (n.ends_with("_MAX") || n.ends_with("_MIN") || n.ends_with("_C")))
    return "C reserves INT..._MAX/_MIN/_C macro names (<stdint.h>)";
  return "";
}

}  // namespace spad::codegen
