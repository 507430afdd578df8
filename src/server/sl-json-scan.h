/* sl-json-scan.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-json-text.h"

G_BEGIN_DECLS

/* A validating JSON reader over text in memory, without building a
 * tree: the server reads documents with it and keeps their bodies as
 * the client wrote them (less insignificant whitespace), which is much
 * faster than parsing and printing them again. Every step validates
 * what it passes; errors are SL_SERVER_ERROR_BAD_REQUEST naming the
 * byte offset. Nesting deeper than SL_JSON_TEXT_MAX_DEPTH is refused,
 * and so is an object naming a member twice (also when spelled with
 * escapes): readers disagree on which one counts, so the rules could
 * judge one value while a client reads the other. */
typedef struct
{
  const char *text;
  gsize       length;
  gsize       pos;
  guint       depth;
  /* Per level: whether the container entered there has an item yet. */
  gboolean    started[SL_JSON_TEXT_MAX_DEPTH + 1];
  /* Per level: the member names of the object entered there (made
   * when needed, emptied on entering the next). */
  GHashTable *names[SL_JSON_TEXT_MAX_DEPTH + 1];
  GString    *name;
} SlJsonScan;

/* Starts on @text, which must be valid UTF-8 without NUL bytes. A scan
 * holds memory until sl_json_scan_clear(): declare it with
 * g_auto(SlJsonScan) scan = { 0 }. */
gboolean  sl_json_scan_init         (SlJsonScan  *scan,
                                     const char  *text,
                                     gsize        length,
                                     GError     **error);
void      sl_json_scan_clear        (SlJsonScan  *scan);
/* The next significant character ('{', '[', '"', 't', …), or 0 at the
 * end. */
char      sl_json_scan_peek         (SlJsonScan  *scan);
/* Whether only whitespace is left. */
gboolean  sl_json_scan_at_end       (SlJsonScan  *scan,
                                     GError     **error);

/* Enters an object ('{') or array ('['). */
gboolean  sl_json_scan_enter        (SlJsonScan  *scan,
                                     char         open,
                                     GError     **error);
/* The next member of the object entered: its decoded name in @name
 * and, in *@raw_name / *@raw_length, its text between the quotes. The
 * scanner is then at the value. *@done at the closing brace. */
gboolean  sl_json_scan_next_member  (SlJsonScan  *scan,
                                     GString     *name,
                                     const char **raw_name,
                                     gsize       *raw_length,
                                     gboolean    *done,
                                     GError     **error);
/* The next element of the array entered; *@done at the closing bracket. */
gboolean  sl_json_scan_next_element (SlJsonScan  *scan,
                                     gboolean    *done,
                                     GError     **error);

/* Values. Each reads the value at the scanner and moves past it. */
gboolean  sl_json_scan_skip         (SlJsonScan  *scan,
                                     GError     **error);
/* Appends the value's text without insignificant whitespace. */
gboolean  sl_json_scan_copy         (SlJsonScan  *scan,
                                     GString     *out,
                                     GError     **error);
/* A string, decoded into @out (replacing its contents); no \u0000. */
gboolean  sl_json_scan_string       (SlJsonScan  *scan,
                                     GString     *out,
                                     GError     **error);
gboolean  sl_json_scan_boolean      (SlJsonScan  *scan,
                                     gboolean    *out,
                                     GError     **error);
/* An integer (no fraction, no exponent) that fits in gint64. */
gboolean  sl_json_scan_int          (SlJsonScan  *scan,
                                     gint64      *out,
                                     GError     **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SlJsonScan, sl_json_scan_clear)

G_END_DECLS
