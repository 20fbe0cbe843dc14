#ifndef RAPPORT_CNCURSESW_SHIM_H
#define RAPPORT_CNCURSESW_SHIM_H

// Wide-character ncurses. SwiftPM drops the -D flags from ncursesw.pc, so they are set here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals that do not import into Swift 6, wrapped as functions.
static inline int rapport_a_bold(void) { return (int)A_BOLD; }
static inline int rapport_a_reverse(void) { return (int)A_REVERSE; }
static inline int rapport_a_dim(void) { return (int)A_DIM; }
static inline int rapport_a_underline(void) { return (int)A_UNDERLINE; }
static inline int rapport_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int rapport_key_f(int n) { return KEY_F(n); }
static inline int rapport_colors(void) { return COLORS; }
static inline int rapport_err(void) { return ERR; }
static inline int rapport_key_code_yes(void) { return KEY_CODE_YES; }

/// Draws one cell: a wide-character string (base + combining marks) with attributes.
static inline int rapport_put_cell(WINDOW *w, int y, int x, const wchar_t *text, int attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, (attr_t)attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(w, y, x, &cell);
}

#endif
