/* sl-document-json.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small JSON helpers of the documents: times, CouchDB's members,
 * equality and tombstones.
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include "sl-document-private.h"

/* GDateTime's range: 0001-01-01 to 9999-12-31. */
#define MIN_UNIX_SECONDS G_GINT64_CONSTANT (-62135596800)
#define MAX_UNIX_SECONDS G_GINT64_CONSTANT (253402300799)

char *
sl_document_format_time (gint64 usec)
{
  gint64 seconds = usec / G_USEC_PER_SEC;
  gint64 micro = usec % G_USEC_PER_SEC;
  g_autoptr(GDateTime) time = NULL;
  int year, month, day;

  if (micro < 0)
    {
      micro += G_USEC_PER_SEC;
      seconds--;
    }
  /* Stored times come from g_get_real_time() or from a document we
   * parsed, so they are in range; anything else is pinned to the ends. */
  seconds = CLAMP (seconds, MIN_UNIX_SECONDS, MAX_UNIX_SECONDS);
  time = g_date_time_new_from_unix_utc (seconds);
  g_date_time_get_ymd (time, &year, &month, &day);
  /* Four digits for every year, as RFC 3339 wants ("%Y" gives "25"). */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", year, month, day,
                          g_date_time_get_hour (time), g_date_time_get_minute (time),
                          g_date_time_get_second (time), (int)micro);
}

gboolean
sl_document_parse_time (const char *text,
                        gint64     *usec)
{
  g_autoptr(GDateTime) time = NULL;
  size_t len;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (usec != NULL, FALSE);

  /* RFC 3339: a full date, 'T', a time and an offset. GLib reads more
   * forms of ISO 8601 (week dates, no separators); those are refused. */
  len = strlen (text);
  if (len < 20 || len > 40 || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':')
    return FALSE;

  /* No default zone: a time without an offset is refused. */
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return FALSE;
  *usec = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return TRUE;
}

gboolean
sl_document_is_meta_member (const char *name)
{
  return name[0] == '_' && strcmp (name, "_id") != 0 && strcmp (name, "_deleted") != 0;
}

JsonObject *
sl_document_strip_meta (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!sl_document_is_meta_member (name))
      json_object_set_member (copy, name, json_node_copy (member));
  return copy;
}

static guint
count_members (JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  guint n = 0;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    n += !sl_document_is_meta_member (name);
  return n;
}

gboolean
sl_document_json_equal (JsonObject *a,
                        JsonObject *b)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (a == NULL || b == NULL)
    return a == b;
  if (count_members (a) != count_members (b))
    return FALSE;

  json_object_iter_init_ordered (&iter, a);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      JsonNode *other;

      if (sl_document_is_meta_member (name))
        continue;
      other = json_object_get_member (b, name);
      if (other == NULL || !json_node_equal (member, other))
        return FALSE;
    }
  return TRUE;
}

JsonObject *
sl_document_new_tombstone (const char *doc_id)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "_id", doc_id);
  json_object_set_boolean_member (object, "_deleted", TRUE);
  return object;
}

JsonNode *
sl_document_object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}
