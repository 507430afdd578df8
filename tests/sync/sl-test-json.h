/* sl-test-json.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses @text, which must be JSON. */
JsonNode    *sl_test_json_parse      (const char *text);
/* The node at @path under @root, or NULL: members by name, array
 * elements by index, separated by '.': "results.0.doc._rev". */
JsonNode    *sl_test_json_find       (JsonNode   *root,
                                      const char *path);
/* The string, integer or array length at @path, which must exist. */
const char  *sl_test_json_string     (JsonNode   *root,
                                      const char *path);
gint64       sl_test_json_int        (JsonNode   *root,
                                      const char *path);
guint        sl_test_json_length     (JsonNode   *root,
                                      const char *path);
/* @root as compact JSON text. */
char        *sl_test_json_to_text    (JsonNode   *root);

G_END_DECLS
