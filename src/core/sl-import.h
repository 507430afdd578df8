/* sl-import.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-csv-reader.h"
#include "sl-period.h"

G_BEGIN_DECLS

#define SL_IMPORT_ERROR (sl_import_error_quark ())

typedef enum
{
  SL_IMPORT_ERROR_BAD_ROW,          /* a row is invalid: file, line, column, reason */
  SL_IMPORT_ERROR_MISSING_COLUMN,   /* a required column is not in the header */
  SL_IMPORT_ERROR_AMBIGUOUS_DATES,  /* day/month order cannot be told: ask the user */
  SL_IMPORT_ERROR_DUPLICATE_FILE,   /* this file was imported before: ask the user */
  SL_IMPORT_ERROR_NO_ROWS,          /* a header and nothing else */
  SL_IMPORT_ERROR_UNKNOWN_PRESET,
  SL_IMPORT_ERROR_FAILED,
} SlImportError;

typedef enum
{
  SL_IMPORT_SPEND,
  SL_IMPORT_FUNNEL,
  SL_IMPORT_REVENUE,
  SL_IMPORT_PLAN,
} SlImportKind;

typedef enum
{
  SL_IMPORT_ALL_OR_NOTHING,  /* any bad row aborts; the workspace is unchanged */
  SL_IMPORT_VALID_ROWS,      /* import the valid rows, write the others to a rejects file */
} SlImportPolicy;

typedef enum
{
  SL_DATE_ORDER_AUTO,  /* ISO, else detected from the file; ambiguous files fail */
  SL_DATE_ORDER_ISO,   /* 2025-03-21 (a time after it is ignored) */
  SL_DATE_ORDER_DMY,   /* 21/03/2025, 21.03.2025, 21-03-2025 */
  SL_DATE_ORDER_MDY,   /* 03/21/2025 */
  SL_DATE_ORDER_YMD,   /* 2025/03/21, 20250321 */
} SlDateOrder;

typedef struct _SlImportMapping SlImportMapping;

typedef struct
{
  SlImportKind    kind;
  SlImportPolicy  policy;
  SlCsvEncoding   encoding;        /* SL_CSV_ENCODING_AUTO by default */
  char            delimiter;       /* SL_CSV_DELIMITER_DETECT by default */
  SlDateOrder     date_order;
  gboolean        decimal_comma;   /* amounts written 1.234,56 */
  const char     *preset;          /* a mapping preset's id, or NULL to detect */
  const SlImportMapping *mapping;  /* the user's own mapping, or NULL to detect one saved
                                    * in the workspace; saved (in the import's transaction)
                                    * when it has a source name */
  const char     *version;         /* plan imports: plan, request or forecast */
  SlDay           default_day;     /* for exports without a date column; else SL_DAY_INVALID */
  gboolean        allow_duplicate; /* import even if the same file was imported */
  const char     *rejects_path;    /* VALID_ROWS: where to write rejected rows (NULL: beside the file) */
  const char     *join_path;       /* a second file whose rows join the main file's by id
                                    * (e.g. Olist's closed deals onto its MQLs) */
  const char     *author;
} SlImportOptions;

/* One rejected row. */
typedef struct
{
  guint64  line;
  char    *column;   /* the column at fault, or NULL for the whole row */
  char    *reason;
} SlImportReject;

typedef struct
{
  gint64     batch_id;
  guint64    rows_accepted;
  guint64    rows_rejected;
  GPtrArray *rejects;        /* SlImportReject, the first 1,000 */
  char      *rejects_path;   /* the rejects CSV, or NULL if none was written */
  char      *preset;         /* the preset used ("generic": none) */
  char      *source;         /* the user's mapping used, or NULL */
  char      *sha256;
  SlDateOrder date_order;    /* as detected */
} SlImportResult;

typedef void (*SlImportProgressFunc) (double   fraction,
                                      gpointer user_data);

GQuark          sl_import_error_quark      (void);

void            sl_import_options_init     (SlImportOptions *options,
                                            SlImportKind     kind);
void            sl_import_result_free      (SlImportResult  *result);
void            sl_import_reject_free      (SlImportReject  *reject);

const char     *sl_import_kind_to_string   (SlImportKind     kind);
gboolean        sl_import_kind_from_string (const char      *text,
                                            SlImportKind    *out);
const char     *sl_date_order_to_string    (SlDateOrder      order);
gboolean        sl_date_order_from_string  (const char      *text,
                                            SlDateOrder     *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlImportResult, sl_import_result_free)

G_END_DECLS
