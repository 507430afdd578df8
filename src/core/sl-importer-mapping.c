/* sl-importer-mapping.c
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

/* "Cost (USD)" → "costusd": lower case, without spaces, punctuation or
 * a byte-order mark, so that exports' spellings of a name compare equal. */
static char *
normalize_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

int
sl_importer_column_named (GPtrArray  *names,
                          const char *wanted)
{
  g_autofree char *normalized = normalize_name (wanted);

  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), normalized))
      return i;
  return -1;
}

static gboolean
has_all (GPtrArray  *names,
         const char *list)
{
  g_auto(GStrv) wanted = g_strsplit (list, "|", -1);

  for (guint i = 0; wanted[i] != NULL; i++)
    if (sl_importer_column_named (names, wanted[i]) < 0)
      return FALSE;
  return TRUE;
}

static const SlImportPreset *
choose_preset (SlImporter  *self,
               GPtrArray   *names,
               GError     **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);
  const SlImportPreset *presets = SL_IMPORTER_GET_CLASS (self)->presets;

  for (const SlImportPreset *p = presets; p != NULL && p->id != NULL; p++)
    {
      if (priv->options.preset != NULL)
        {
          if (g_str_equal (p->id, priv->options.preset))
            return p;
        }
      else if (p->signature != NULL && has_all (names, p->signature))
        return p;
    }

  if (priv->options.preset != NULL && !g_str_equal (priv->options.preset, "generic"))
    g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_UNKNOWN_PRESET,
                 /* Translators: %s is the name of a column mapping, e.g. google-ads */
                 _("There is no column mapping called “%s”"), priv->options.preset);
  return NULL;
}

/* A saved mapping fits a file that has every column it names. */
static gboolean
mapping_fits (const SlImportMapping *mapping,
              GPtrArray             *names)
{
  GHashTableIter iter;
  gpointer column;
  guint n_named = 0;

  g_hash_table_iter_init (&iter, mapping->columns);
  while (g_hash_table_iter_next (&iter, NULL, &column))
    {
      if (*(const char *)column == '\0')
        continue;
      if (sl_importer_column_named (names, column) < 0)
        return FALSE;
      n_named++;
    }
  return n_named > 0;
}

/* The user's mapping: the one given, else a saved one that fits. It
 * brings its own date order and decimal comma unless the import says. */
static void
choose_mapping (SlImporter *self,
                GPtrArray  *names)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);
  const SlImportMapping *found = priv->options.mapping;

  g_clear_pointer (&priv->mapping, sl_import_mapping_free);
  for (guint i = 0; found == NULL && priv->saved_mappings != NULL && i < priv->saved_mappings->len; i++)
    if (mapping_fits (g_ptr_array_index (priv->saved_mappings, i), names))
      found = g_ptr_array_index (priv->saved_mappings, i);
  if (found == NULL)
    return;

  priv->mapping = sl_import_mapping_copy (found);
  if (priv->options.date_order == SL_DATE_ORDER_AUTO)
    priv->options.date_order = found->date_order;
  priv->options.decimal_comma |= found->decimal_comma;
}

/* Whether a missing required field is supplied another way. */
static gboolean
field_supplied (SlImporter          *self,
                const SlImportField *field)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);

  if (g_str_equal (field->name, "channel"))
    return priv->fixed_channel != NULL || (priv->preset != NULL && priv->preset->channel_columns);
  if (g_str_equal (field->name, "date"))
    return priv->options.default_day != SL_DAY_INVALID;
  return FALSE;
}

static gboolean
map_field (SlImporter  *self,
           GPtrArray   *names,
           guint        field,
           const char  *preset_column,
           GPtrArray   *missing,
           GError     **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);
  const SlImportField *f = &SL_IMPORTER_GET_CLASS (self)->fields[field];
  const char *user_column = priv->mapping ? sl_import_mapping_get_column (priv->mapping, f->name) : NULL;
  g_auto(GStrv) aliases = NULL;

  if (user_column != NULL && *user_column != '\0')
    {
      priv->columns[field] = sl_importer_column_named (names, user_column);
      if (priv->columns[field] >= 0)
        return TRUE;
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN,
                   /* Translators: the first %s is a file name, the second a column name,
                    * the third a field ("date", "spend"), the fourth a saved mapping's name */
                   _("%s:1: there is no column “%s” for “%s” (mapping “%s”)"),
                   priv->file_name, user_column, f->name,
                   priv->mapping->source ? priv->mapping->source : "");
      return FALSE;
    }
  /* The user says the file has none. */
  if (user_column != NULL)
    preset_column = "";

  aliases = g_strsplit (preset_column != NULL ? preset_column : f->aliases, "|", -1);
  priv->columns[field] = -1;
  for (guint i = 0; aliases[i] != NULL && priv->columns[field] < 0; i++)
    if (*aliases[i] != '\0')
      priv->columns[field] = sl_importer_column_named (names, aliases[i]);

  if (priv->columns[field] >= 0 || !f->required || field_supplied (self, f))
    return TRUE;
  if (missing != NULL)
    {
      g_ptr_array_add (missing, g_strdup (f->name));
      return TRUE;
    }

  g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN,
               /* Translators: the first %s is a file name, the second a field
                * ("date", "spend"), the third the column names looked for */
               _("%s:1: no column for “%s” (looked for: %s)"),
               priv->file_name, f->name, f->aliases);
  return FALSE;
}

gboolean
sl_importer_map_header (SlImporter  *self,
                        GPtrArray   *missing,
                        GError     **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);
  SlImporterClass *klass = SL_IMPORTER_GET_CLASS (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) preset_columns = NULL;
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; i < sl_csv_reader_get_n_fields (priv->reader); i++)
    g_ptr_array_add (names, normalize_name (sl_csv_reader_get_field (priv->reader, i)));
  g_clear_pointer (&priv->header_names, g_ptr_array_unref);
  priv->header_names = g_ptr_array_ref (names);
  g_strfreev (priv->header);
  priv->header = g_new0 (char *, names->len + 1);
  for (guint i = 0; i < names->len; i++)
    priv->header[i] = g_strstrip (g_strdup (sl_csv_reader_get_field (priv->reader, i)));

  choose_mapping (self, names);
  /* A user's mapping stands alone, unless a preset is named as well. */
  if (priv->mapping == NULL || priv->options.preset != NULL)
    priv->preset = choose_preset (self, names, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (priv->preset != NULL && priv->preset->columns != NULL)
    preset_columns = g_strsplit (priv->preset->columns, ";", -1);
  priv->fixed_channel = NULL;
  if (priv->mapping != NULL && priv->mapping->channel != NULL)
    priv->fixed_channel = priv->mapping->channel;
  else if (priv->preset != NULL && !priv->preset->channel_columns)
    priv->fixed_channel = priv->preset->channel;

  g_free (priv->columns);
  priv->columns = g_new (int, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const char *preset_column = NULL;

      if (preset_columns != NULL)
        preset_column = i < g_strv_length (preset_columns) ? preset_columns[i] : "";
      if (!map_field (self, names, i, preset_column, missing, error))
        return FALSE;
    }
  return TRUE;
}
