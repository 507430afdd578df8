/* sl-importer.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-importer-private.h"


G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SlImporter, sl_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (sl-import-error-quark, sl_import_error)

static void
sl_importer_finalize (GObject *object)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (SL_IMPORTER (object));

  g_clear_object (&priv->db);
  g_clear_object (&priv->reader);
  g_clear_pointer (&priv->rollup, sl_rollup_free);
  g_clear_pointer (&priv->channels, g_hash_table_unref);
  g_clear_pointer (&priv->campaigns, g_hash_table_unref);
  g_clear_pointer (&priv->pairs, g_hash_table_unref);
  if (priv->pair_key != NULL)
    g_string_free (priv->pair_key, TRUE);
  g_clear_pointer (&priv->fx_rates, g_hash_table_unref);
  g_free (priv->columns);
  g_free (priv->version);
  g_free (priv->author);
  g_free (priv->join_path);
  g_free (priv->file_name);
  g_clear_pointer (&priv->header_names, g_ptr_array_unref);
  g_strfreev (priv->header);
  g_clear_pointer (&priv->saved_mappings, g_ptr_array_unref);
  g_clear_pointer (&priv->mapping, sl_import_mapping_free);

  G_OBJECT_CLASS (sl_importer_parent_class)->finalize (object);
}

static void
sl_importer_class_init (SlImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_importer_finalize;
}

static void
sl_importer_init (SlImporter *self)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);

  priv->rollup = sl_rollup_new ();
  priv->channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  priv->campaigns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  priv->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  priv->pair_key = g_string_new (NULL);
  priv->fx_rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Options, results */

void
sl_import_options_init (SlImportOptions *options,
                        SlImportKind     kind)
{
  memset (options, 0, sizeof *options);
  options->kind = kind;
  options->policy = SL_IMPORT_ALL_OR_NOTHING;
  options->encoding = SL_CSV_ENCODING_AUTO;
  options->delimiter = SL_CSV_DELIMITER_DETECT;
  options->date_order = SL_DATE_ORDER_AUTO;
  options->version = "plan";
  options->default_day = SL_DAY_INVALID;
}

void
sl_import_reject_free (SlImportReject *reject)
{
  if (reject == NULL)
    return;
  g_free (reject->column);
  g_free (reject->reason);
  g_free (reject);
}

void
sl_import_result_free (SlImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->rejects, g_ptr_array_unref);
  g_free (result->rejects_path);
  g_free (result->preset);
  g_free (result->source);
  g_free (result->sha256);
  g_free (result);
}

static const char * const kind_names[] = { "spend", "funnel", "revenue", "plan" };
static const char * const order_names[] = { "auto", "iso", "dmy", "mdy", "ymd" };

const char *
sl_import_kind_to_string (SlImportKind kind)
{
  g_return_val_if_fail (kind <= SL_IMPORT_PLAN, NULL);
  return kind_names[kind];
}

gboolean
sl_import_kind_from_string (const char   *text,
                            SlImportKind *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sl_date_order_to_string (SlDateOrder order)
{
  g_return_val_if_fail (order <= SL_DATE_ORDER_YMD, NULL);
  return order_names[order];
}

gboolean
sl_date_order_from_string (const char  *text,
                           SlDateOrder *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (order_names); i++)
    if (g_ascii_strcasecmp (text ? text : "", order_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* Accessors for subclasses */

SlDatabase *
sl_importer_get_database (SlImporter *self)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);
  return priv->db;
}

gint64
sl_importer_get_batch_id (SlImporter *self)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);
  return priv->batch_id;
}

SlRollup *
sl_importer_get_rollup (SlImporter *self)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);
  return priv->rollup;
}

const SlImportOptions *
sl_importer_get_options (SlImporter *self)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);
  return &priv->options;
}

const SlImportPreset *
sl_importer_get_preset (SlImporter *self)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);
  return priv->preset;
}

const char *
sl_importer_get_currency (SlImporter *self)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);
  return priv->currency;
}

gboolean
sl_importer_has_field (SlImporter *self,
                       guint       field)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);

  g_return_val_if_fail (field < SL_IMPORTER_GET_CLASS (self)->n_fields, FALSE);
  return priv->columns[field] >= 0;
}

const char *
sl_importer_get_text (SlImporter *self,
                      guint       field)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);
  const char *text;
  int column;

  g_return_val_if_fail (field < SL_IMPORTER_GET_CLASS (self)->n_fields, NULL);

  column = priv->columns[field];
  if (column < 0)
    return NULL;
  if (priv->shift != 0 && column >= priv->shift_from)
    column += priv->shift;
  text = sl_csv_reader_get_field (priv->reader, column);
  if (text == NULL)
    return "";
  /* The reader's buffer is ours until the next record: strip in place,
   * when there is anything to strip. */
  if (g_ascii_isspace (text[0]) || (text[0] != '\0' && g_ascii_isspace (text[strlen (text) - 1])))
    return g_strstrip ((char *)text);
  return text;
}

void
sl_importer_shift_row (SlImporter *self,
                       int         from_column,
                       int         shift)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);

  priv->shift_from = from_column;
  priv->shift = shift;
}

int
sl_importer_get_column (SlImporter *self,
                        guint       field)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);

  g_return_val_if_fail (field < SL_IMPORTER_GET_CLASS (self)->n_fields, -1);
  return priv->columns[field];
}

gboolean
sl_importer_row_error (SlImporter  *self,
                       GError     **error,
                       guint        field,
                       const char  *format,
                       ...)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);
  g_autofree char *reason = NULL;
  va_list args;

  priv->bad_field = field;
  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW, reason);
  return FALSE;
}

void
sl_importer_set_column (SlImporter *self,
                        guint       field,
                        int         column)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);

  g_return_if_fail (field < SL_IMPORTER_GET_CLASS (self)->n_fields);
  priv->columns[field] = column;
}

int
sl_importer_find_column (SlImporter *self,
                         const char *name)
{
  SlImporterPrivate *priv = sl_importer_get_instance_private (self);

  g_return_val_if_fail (priv->header_names != NULL, -1);
  return sl_importer_column_named (priv->header_names, name);
}

const SlImportField *
sl_import_fields (SlImportKind  kind,
                  guint        *n_fields)
{
  GType type = sl_importer_type_for_kind (kind);
  g_autoptr(GTypeClass) klass = NULL;

  *n_fields = 0;
  if (type == G_TYPE_INVALID)
    return NULL;
  /* Importer classes are static: the class outlives this reference. */
  klass = g_type_class_ref (type);
  *n_fields = SL_IMPORTER_CLASS (klass)->n_fields;
  return SL_IMPORTER_CLASS (klass)->fields;
}

SlImporterPrivate *
sl_importer_get_private (SlImporter *self)
{
  return sl_importer_get_instance_private (self);
}
