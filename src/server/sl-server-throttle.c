/* sl-server-throttle.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include "sl-server-throttle.h"

/* Past this many keys, stale ones are dropped. */
#define MAX_KEYS 4096

typedef struct
{
  guint  failures;
  gint64 first;          /* the first failure counted */
  gint64 locked_until;   /* 0: not locked */
} Entry;

struct _SlServerThrottle
{
  GHashTable *entries;   /* key → Entry */
  gint64      window;    /* µs */
};

SlServerThrottle *
sl_server_throttle_new (guint window)
{
  SlServerThrottle *self = g_new0 (SlServerThrottle, 1);

  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->window = (gint64) (window > 0 ? window : SL_SERVER_THROTTLE_DEFAULT_WINDOW) * G_USEC_PER_SEC;
  return self;
}

void
sl_server_throttle_free (SlServerThrottle *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->entries);
  g_free (self);
}

guint
sl_server_throttle_get_window (SlServerThrottle *self)
{
  return (guint) (self->window / G_USEC_PER_SEC);
}

guint
sl_server_throttle_get_n_keys (SlServerThrottle *self)
{
  return g_hash_table_size (self->entries);
}

/* Neither locked nor within its counting window: as good as absent. */
static gboolean
is_stale (SlServerThrottle *self,
          const Entry      *entry,
          gint64            now)
{
  if (entry->locked_until != 0)
    return entry->locked_until <= now;

  return now - entry->first >= self->window;
}

typedef struct
{
  SlServerThrottle *self;
  gint64            now;
} PruneArgs;

static gboolean
stale_cb (gpointer key,
          gpointer value,
          gpointer user_data)
{
  PruneArgs *args = user_data;

  return is_stale (args->self, value, args->now);
}

static gboolean
unlocked_cb (gpointer key,
             gpointer value,
             gpointer user_data)
{
  const Entry *entry = value;

  return entry->locked_until == 0;
}

static void
prune (SlServerThrottle *self,
       gint64            now)
{
  PruneArgs args = { self, now };

  if (g_hash_table_size (self->entries) < MAX_KEYS)
    return;

  g_hash_table_foreach_remove (self->entries, stale_cb, &args);
  /* Still full: keep the locks, drop the counts. */
  if (g_hash_table_size (self->entries) >= MAX_KEYS)
    g_hash_table_foreach_remove (self->entries, unlocked_cb, NULL);
}

guint
sl_server_throttle_locked (SlServerThrottle *self,
                           const char       *key,
                           gint64            now)
{
  Entry *entry = g_hash_table_lookup (self->entries, key);

  if (entry == NULL || entry->locked_until <= now)
    return 0;

  return (guint) ((entry->locked_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

guint
sl_server_throttle_get_failures (SlServerThrottle *self,
                                 const char       *key,
                                 gint64            now)
{
  Entry *entry = g_hash_table_lookup (self->entries, key);

  if (entry == NULL || entry->locked_until != 0 || is_stale (self, entry, now))
    return 0;
  return entry->failures;
}

gboolean
sl_server_throttle_fail (SlServerThrottle *self,
                         const char       *key,
                         guint             limit,
                         gint64            now)
{
  Entry *entry = g_hash_table_lookup (self->entries, key);

  if (entry != NULL && is_stale (self, entry, now))
    {
      g_hash_table_remove (self->entries, key);
      entry = NULL;
    }
  if (entry == NULL)
    {
      prune (self, now);
      entry = g_new0 (Entry, 1);
      entry->first = now;
      g_hash_table_insert (self->entries, g_strdup (key), entry);
    }
  if (entry->locked_until != 0)
    return FALSE;

  entry->failures++;
  if (entry->failures < MAX (limit, 1))
    return FALSE;

  entry->locked_until = now + self->window;
  return TRUE;
}

void
sl_server_throttle_forget (SlServerThrottle *self,
                           const char       *key)
{
  g_hash_table_remove (self->entries, key);
}
