/* sl-funnel-join.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-import.h"

G_BEGIN_DECLS

/* A funnel import's second file (e.g. Olist's closed deals), read whole
 * into memory and keyed by id: it is a file of closed deals, much smaller
 * than the leads it joins. Private to SlFunnelImporter. */

typedef struct
{
  guint64   line;
  char     *id;
  SlDay     won;    /* SL_DAY_INVALID when empty */
  SlDay     lost;
  char     *owner;  /* NULL when empty */
  gboolean  used;   /* the main file has a row with this id */
} SlFunnelJoinRow;

typedef struct _SlFunnelJoin SlFunnelJoin;

/* @columns names the columns of id, won day, lost day and owner,
 * ';'-separated, alternatives '|'-separated, compared like header names;
 * "" for none. @order AUTO detects the file's date order. Errors name
 * the file and line. */
SlFunnelJoin    *sl_funnel_join_read        (const char    *path,
                                             const char    *columns,
                                             SlDateOrder    order,
                                             GError       **error);
void             sl_funnel_join_free        (SlFunnelJoin  *join);
const char      *sl_funnel_join_get_name    (SlFunnelJoin  *join);
SlFunnelJoinRow *sl_funnel_join_lookup      (SlFunnelJoin  *join,
                                             const char    *id);
/* The first row, in file order, whose id the main file did not have. */
SlFunnelJoinRow *sl_funnel_join_first_unused (SlFunnelJoin *join);

/* "Cost (USD)" → "costusd", as the importers compare header names. */
char            *sl_funnel_join_normalize   (const char    *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlFunnelJoin, sl_funnel_join_free)

G_END_DECLS
