/* sl-rev-id.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include "sl-rev-id.h"

gboolean
sl_rev_id_hash_is_valid (const char *hash)
{
  gsize len = 0;

  if (hash == NULL)
    return FALSE;

  for (const char *p = hash; *p != '\0'; p++, len++)
    {
      if (!g_ascii_isalnum (*p) || len >= SL_REV_ID_MAX_HASH)
        return FALSE;
    }

  return len > 0;
}

gboolean
sl_rev_id_parse (const char *text,
                 SlRevId    *out)
{
  guint64 generation = 0;
  const char *p;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || !g_ascii_isdigit (text[0]) || text[0] == '0')
    return FALSE;

  for (p = text; g_ascii_isdigit (*p); p++)
    {
      generation = generation * 10 + (guint64) (*p - '0');
      if (generation > G_MAXINT32)
        return FALSE;
    }

  if (*p != '-' || !sl_rev_id_hash_is_valid (p + 1))
    return FALSE;

  out->generation = (guint) generation;
  out->hash = p + 1;
  return TRUE;
}

int
sl_rev_id_compare (const SlRevId *a,
                   const SlRevId *b)
{
  if (a->generation != b->generation)
    return a->generation > b->generation ? -1 : 1;

  return -strcmp (a->hash, b->hash);
}

char *
sl_rev_id_format (guint       generation,
                  const char *hash)
{
  return g_strdup_printf ("%u-%s", generation, hash);
}
