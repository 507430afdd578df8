/* sl-json-text.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How deep request JSON may nest: deeper input is refused before the
 * (recursive) parser sees it. */
#define SL_JSON_TEXT_MAX_DEPTH 64

/* Parses a request body into a tree: valid UTF-8, nesting at most
 * SL_JSON_TEXT_MAX_DEPTH, one JSON value. SL_SERVER_ERROR_BAD_REQUEST
 * with a reason otherwise. (Documents are read with sl-json-scan.h.) */
JsonNode *sl_json_text_parse         (const char *data,
                                      gsize       length,
                                      GError    **error);
/* @str (valid UTF-8) as a JSON string literal. */
void      sl_json_text_append_string (GString    *out,
                                      const char *str);
/* @node as compact JSON, members in their order, numbers as short as
 * they read back the same. */
void      sl_json_text_append_node   (GString    *out,
                                      JsonNode   *node);
/* The members of @object whose names do not start with '_', as a JSON
 * object. */
void      sl_json_text_append_body   (GString    *out,
                                      JsonObject *object);

G_END_DECLS
