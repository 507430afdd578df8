/* sl-json-guard.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How deep arrays and objects may nest in JSON that Sunlight reads. */
#define SL_JSON_MAX_DEPTH 64

/* Checks JSON text from elsewhere before json-glib parses it, for the
 * two things json-glib 1.6 does not refuse: nesting deeper than
 * @max_depth (its parser recurses without a limit) and whole numbers
 * outside int64 (it wraps them silently: 99999999999999999999 reads
 * as -1). On failure *path is the field where it happened
 * ("lines[2].amount.minor", newly allocated). Malformed JSON passes:
 * the parser reports it. */
typedef enum
{
  SL_JSON_GUARD_OK,
  SL_JSON_GUARD_DEPTH,
  SL_JSON_GUARD_RANGE,
} SlJsonGuardResult;

SlJsonGuardResult sl_json_guard_check (const char  *data,
                                       gsize        length,
                                       guint        max_depth,
                                       char       **path);

/* Whether @node (NULL allowed) is a value of @type: G_TYPE_STRING,
 * G_TYPE_INT64 (a whole number), G_TYPE_DOUBLE (a fraction) or
 * G_TYPE_BOOLEAN. */
gboolean    sl_json_node_holds (JsonNode   *node,
                                GType       type);
/* The string @name holds in @object, or @fallback when @object is NULL
 * or the member is missing, null, or not a string. Unlike
 * json_object_get_string_member_with_default(), which gives NULL for
 * null and for numbers, and warns for arrays and objects. */
const char *sl_json_get_string (JsonObject *object,
                                const char *name,
                                const char *fallback);
/* The same for a whole number (not a fraction, string or boolean). */
gint64      sl_json_get_int    (JsonObject *object,
                                const char *name,
                                gint64      fallback);
/* The object or array @name holds, or NULL when it holds something else. */
JsonObject *sl_json_get_object (JsonObject *object,
                                const char *name);
JsonArray  *sl_json_get_array  (JsonObject *object,
                                const char *name);

G_END_DECLS
