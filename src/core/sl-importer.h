/* sl-importer.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"
#include "sl-import.h"
#include "sl-rollup.h"

G_BEGIN_DECLS

/* A field an importer reads, and the header names that mean it
 * (compared lower-case with spaces, '-' and '_' removed). */
typedef struct
{
  const char *name;        /* for messages: "date", "spend" */
  const char *aliases;     /* "date|day|reportingstart" */
  gboolean    required;
} SlImportField;

/* A preset maps a known export's columns to fields. */
typedef struct
{
  const char *id;           /* "google-ads", "facebook-kag" */
  const char *title;        /* for people, translatable (N_) */
  const char *signature;    /* normalized header names that identify it, '|'-separated */
  const char *columns;      /* per field in field order, ';'-separated (alternatives
                             * '|'-separated); "" = not in this export */
  const char *channel;      /* a fixed channel name, or NULL to read it */
  gboolean    round_amounts;/* round float noise in amounts to the minor unit */
  /* Wide exports: @channel lists ('|'-separated) columns that each hold
   * one channel's amount, the channel named after its column. */
  gboolean    channel_columns;
  guint       amount_scale; /* amounts are in 10^amount_scale units (3: thousands) */
} SlImportPreset;

#define SL_TYPE_IMPORTER (sl_importer_get_type ())
G_DECLARE_DERIVABLE_TYPE (SlImporter, sl_importer, SL, IMPORTER, GObject)

struct _SlImporterClass
{
  GObjectClass parent_class;

  const SlImportField  *fields;    /* n_fields entries */
  guint                 n_fields;
  const SlImportPreset *presets;   /* NULL-id terminated */
  /* Which fields carry dates, for detecting the day/month order. */
  const guint          *date_fields;
  guint                 n_date_fields;

  gboolean (*begin)      (SlImporter  *self,
                          GError     **error);
  /* One record. A bad value fails with sl_importer_row_error(). */
  gboolean (*import_row) (SlImporter  *self,
                          GError     **error);
  gboolean (*finish)     (SlImporter  *self,
                          GError     **error);
};

/* Imports @file into @db as one batch in one transaction. With
 * SL_IMPORT_ALL_OR_NOTHING any bad row fails the whole import and the
 * workspace is left unchanged; errors name the file, line, column and
 * reason. */
gboolean        sl_import_file            (SlDatabase              *db,
                                           GFile                   *file,
                                           const SlImportOptions   *options,
                                           SlImportProgressFunc     progress,
                                           gpointer                 user_data,
                                           GCancellable            *cancellable,
                                           SlImportResult         **result,
                                           GError                 **error);

/* The same in a thread with its own connection to the workspace at
 * @workspace_path; @progress is called in the caller's main context. */
void            sl_import_file_async      (const char              *workspace_path,
                                           GFile                   *file,
                                           const SlImportOptions   *options,
                                           SlImportProgressFunc     progress,
                                           gpointer                 progress_data,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data);
SlImportResult *sl_import_file_finish     (GAsyncResult            *result,
                                           GError                 **error);

/* What an import of @file would read: the first rows and the mapping
 * found, without changing the workspace; @db (optional) offers the
 * mappings saved in it. */
typedef struct
{
  char       *preset;        /* the preset's id */
  char       *source;        /* the saved mapping found (with a workspace), or NULL */
  char        delimiter;
  SlCsvEncoding encoding;
  SlDateOrder date_order;    /* AUTO when the sample cannot tell */
  GStrv       header;
  GPtrArray  *rows;          /* GStrv each, at most max_rows */
  GPtrArray  *mapping;       /* "field=column" for every field found, in field order */
  GStrv       missing;       /* required fields with no column */
} SlImportPreview;

SlImportPreview *sl_import_preview        (SlDatabase              *db,
                                           GFile                   *file,
                                           const SlImportOptions   *options,
                                           guint                    max_rows,
                                           GError                 **error);
void             sl_import_preview_free   (SlImportPreview         *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlImportPreview, sl_import_preview_free)

/* The presets of @kind, NULL-id terminated. */
const SlImportPreset *sl_import_presets   (SlImportKind             kind);
/* The fields an import of @kind reads. */
const SlImportField  *sl_import_fields    (SlImportKind             kind,
                                           guint                   *n_fields);

/* For subclasses, during import_row(): */
SlDatabase     *sl_importer_get_database  (SlImporter  *self);
gint64          sl_importer_get_batch_id  (SlImporter  *self);
SlRollup       *sl_importer_get_rollup    (SlImporter  *self);
const SlImportOptions *sl_importer_get_options (SlImporter *self);
const SlImportPreset  *sl_importer_get_preset  (SlImporter *self);
/* The workspace currency and its exponent. */
const char     *sl_importer_get_currency  (SlImporter  *self);
/* The text of @field in the current record: NULL when the file has no
 * such column, "" when the cell is empty; stripped of spaces. */
const char     *sl_importer_get_text      (SlImporter  *self,
                                           guint        field);
gboolean        sl_importer_has_field     (SlImporter  *self,
                                           guint        field);
/* For this row only, read columns from @from_column on @shift places
 * away (exports that drop cells and shift the rest left). */
void            sl_importer_shift_row     (SlImporter  *self,
                                           int          from_column,
                                           int          shift);
int             sl_importer_get_column    (SlImporter  *self,
                                           guint        field);
/* Reads @field from @column (e.g. each channel's column of a wide
 * export in turn); -1 if the header has no column called @name. */
void            sl_importer_set_column    (SlImporter  *self,
                                           guint        field,
                                           int          column);
int             sl_importer_find_column   (SlImporter  *self,
                                           const char  *name);
/* Fails the current row: @field names the column in the message. */
gboolean        sl_importer_row_error     (SlImporter  *self,
                                           GError     **error,
                                           guint        field,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (4, 5);
/* Value readers: each fails the row with a message naming the column
 * and quoting the text. @required FALSE accepts an empty cell (the
 * default is then left in *out). */
gboolean        sl_importer_read_day      (SlImporter  *self,
                                           guint        field,
                                           gboolean     required,
                                           SlDay       *out,
                                           GError     **error);
gboolean        sl_importer_read_count    (SlImporter  *self,
                                           guint        field,
                                           gboolean     required,
                                           gint64      *out,
                                           GError     **error);
/* An amount in the row's currency, converted to the workspace currency
 * at that month's FX rate (refused without one). */
gboolean        sl_importer_read_money    (SlImporter  *self,
                                           guint        field,
                                           gint         currency_field,
                                           SlDay        day,
                                           gboolean     required,
                                           gint64      *minor,
                                           gint64      *workspace_minor,
                                           char         currency[4],
                                           GError     **error);
/* The ids of a channel and one of its campaigns, made (as part of this
 * batch) when missing. An empty campaign is the channel's
 * "(no campaign)"; an empty channel is "Unattributed". */
gboolean        sl_importer_resolve_campaign (SlImporter  *self,
                                              const char  *channel,
                                              const char  *campaign,
                                              gint64      *channel_id,
                                              gint64      *campaign_id,
                                              GError     **error);

G_END_DECLS
