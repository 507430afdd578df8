/* hostile-strings.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hostile-input harnesses' table of text that has broken programs
 * before: SQL injection, format specifiers, quoting and line ends,
 * bidirectional and zero-width characters, combining marks, scripts
 * other than Latin, spreadsheet formulas, a 64 KiB string, and (for the
 * importers, which must refuse them) control characters and bytes that
 * are not UTF-8. What each must become is for the test to say; the
 * flags tell it what the text holds.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HOSTILE_CONTROL   = 1 << 0,  /* a C0 control other than TAB, CR and LF, or DEL */
  HOSTILE_NOT_UTF8  = 1 << 1,  /* not valid UTF-8 */
  HOSTILE_PADDED    = 1 << 2,  /* starts or ends with ASCII white space */
  HOSTILE_LINE_END  = 1 << 3,  /* holds CR or LF */
  HOSTILE_LONG      = 1 << 4,  /* 64 KiB */
  HOSTILE_FORMULA   = 1 << 5,  /* starts with = + - @ (a spreadsheet formula) */
  HOSTILE_TOUCH_SEP = 1 << 6,  /* holds ; @ or /, the touchpoint list's separators */
} HostileFlags;

typedef struct
{
  const char   *label;   /* for messages */
  char         *text;
  gsize         length;
  HostileFlags  flags;
} HostileString;

/* SL_RELIABILITY_QUICK=1 is set: run a tenth of the rounds. */
gboolean    hostile_quick             (void);

/* The table (HostileString), the 64 KiB string last (left out with
 * SL_RELIABILITY_QUICK=1). The entries that are not UTF-8 only with
 * @not_utf8: JSON cannot carry them. */
GPtrArray  *hostile_strings_new       (gboolean      not_utf8);

/* The entries a document or import must hold verbatim: valid UTF-8,
 * no C0 controls other than TAB, CR, LF. */
gboolean    hostile_string_is_plain   (const HostileString *s);

/* @text escaped for a test message, cut after 80 characters. */
char       *hostile_describe          (const char   *text);

/* Appends a CSV record of @fields (NULL: empty) and a line end to
 * @out, each field quoted as RFC 4180 says when it must be. */
void        hostile_csv_row           (GString            *out,
                                       const char * const *fields,
                                       guint               n_fields);

G_END_DECLS
