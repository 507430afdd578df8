/* sl-rev-id.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest hash part of a revision id we accept. */
#define SL_REV_ID_MAX_HASH 128

/* A document revision id "N-H" as CouchDB writes it: N the generation
 * (1 for a new document, +1 per edit), H an opaque hash of ASCII letters
 * and digits, compared only for equality and to break ties. */
typedef struct
{
  guint       generation;
  const char *hash;   /* points into the parsed text */
} SlRevId;

/* Parses @text. Generations run from 1 to G_MAXINT32; `_local/` documents'
 * "0-N" ids are not revision ids. FALSE for anything else. */
gboolean  sl_rev_id_parse     (const char    *text,
                               SlRevId       *out);
/* Orders as CouchDB picks a winner: higher generation first, then the
 * greater hash. Negative when @a comes before @b in that ranking, i.e.
 * when @a wins. */
int       sl_rev_id_compare   (const SlRevId *a,
                               const SlRevId *b);
/* Whether @hash is a valid hash part (letters and digits, 1 to
 * SL_REV_ID_MAX_HASH of them). */
gboolean  sl_rev_id_hash_is_valid (const char *hash);
/* "N-H" */
char     *sl_rev_id_format    (guint          generation,
                               const char    *hash);

G_END_DECLS
