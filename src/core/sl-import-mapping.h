/* sl-import-mapping.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"
#include "sl-import.h"

G_BEGIN_DECLS

/* A user's own column mapping for exports no preset knows: which column
 * holds which field, the channel of a single-platform export, and how
 * its dates and amounts are written. Saved per source (a name the user
 * gives, e.g. "TikTok Ads") in the workspace's import_mapping table, and
 * found again by its columns when the next export of that source comes. */
struct _SlImportMapping
{
  char          *source;        /* the name it is saved under, or NULL */
  SlImportKind   kind;
  GHashTable    *columns;       /* field name → column name; "" = not in the file */
  char          *channel;       /* a fixed channel for every row, or NULL */
  SlDateOrder    date_order;    /* AUTO unless the user said */
  gboolean       decimal_comma;
};

SlImportMapping *sl_import_mapping_new       (SlImportKind            kind);
SlImportMapping *sl_import_mapping_copy      (const SlImportMapping  *mapping);
void             sl_import_mapping_free      (SlImportMapping        *mapping);

/* "field=Column" (a field of the mapping's kind, e.g. "spend=Cost (USD)";
 * an empty column means the file has none), or "channel-name=TikTok". */
gboolean         sl_import_mapping_assign    (SlImportMapping        *mapping,
                                              const char             *assignment,
                                              GError                **error);
/* The column of @field: NULL when the mapping does not say, "" when it
 * says the file has none. */
const char      *sl_import_mapping_get_column (const SlImportMapping *mapping,
                                               const char            *field);

char            *sl_import_mapping_to_json   (const SlImportMapping  *mapping);
SlImportMapping *sl_import_mapping_from_json (const char             *source,
                                              const char             *json,
                                              GError                **error);

/* Saves @mapping under its source name, replacing an earlier one. */
gboolean         sl_import_mapping_save      (SlDatabase             *db,
                                              const SlImportMapping  *mapping,
                                              GError                **error);
/* The mapping saved as @source (SL_IMPORT_ERROR_UNKNOWN_PRESET if none). */
SlImportMapping *sl_import_mapping_load      (SlDatabase             *db,
                                              const char             *source,
                                              GError                **error);
/* Every saved mapping of @kind, by source name. */
GPtrArray       *sl_import_mapping_list      (SlDatabase             *db,
                                              SlImportKind            kind,
                                              GError                **error);
gboolean         sl_import_mapping_delete    (SlDatabase             *db,
                                              const char             *source,
                                              GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlImportMapping, sl_import_mapping_free)

G_END_DECLS
