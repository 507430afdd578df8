/* sl-importer-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-import-mapping.h"
#include "sl-importer.h"

G_BEGIN_DECLS

/* SlImporter spans sl-importer.c (the object and accessors),
 * sl-importer-mapping.c (header → fields), sl-importer-values.c (reading
 * cells) and sl-importer-run.c (one import, start to end). */

typedef struct
{
  SlDatabase           *db;
  SlImportOptions       options;
  char                 *version;       /* owned copies of the options' strings */
  char                 *author;
  char                 *join_path;
  char                 *file_name;     /* for messages */
  const SlImportPreset *preset;
  SlImportMapping      *mapping;       /* the user's, given or found among the saved */
  GPtrArray            *saved_mappings;/* SlImportMapping: the workspace's, to detect */
  const char           *fixed_channel; /* every row's channel, when the file has none */
  GPtrArray            *header_names;  /* normalized */
  GStrv                 header;        /* as the file writes them */
  SlCsvReader          *reader;
  int                  *columns;       /* field → column index, or -1 */
  char                  currency[4];
  int                   exponent;
  SlDateOrder           date_order;
  gint64                batch_id;
  SlRollup             *rollup;
  GHashTable           *channels;      /* name (casefolded) → id */
  GHashTable           *campaigns;     /* "channel-id\x1fname" → id */
  GHashTable           *pairs;         /* exact "channel\x1fcampaign" → CampaignIds */
  GString              *pair_key;      /* reused to build lookups without allocating */
  GHashTable           *fx_rates;      /* "CUR\x1fmonth-day" → rate (num/den as a pair) */
  guint                 bad_field;     /* set by sl_importer_row_error() */
  int                   shift_from;    /* sl_importer_shift_row(), reset every row */
  int                   shift;
} SlImporterPrivate;

SlImporterPrivate *sl_importer_get_private   (SlImporter  *self);

/* sl-importer-mapping.c: maps the reader's current record (the header)
 * to fields; with @missing, required fields without a column are listed
 * there instead of failing. */
gboolean           sl_importer_map_header    (SlImporter  *self,
                                              GPtrArray   *missing,
                                              GError     **error);

/* The index of the column called @name (compared normalized) in
 * @names, or -1. */
int                sl_importer_column_named  (GPtrArray   *names,
                                              const char  *name);

/* sl-importer-run.c */
GType              sl_importer_type_for_kind (SlImportKind kind);

G_END_DECLS
