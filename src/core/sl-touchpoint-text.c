/* sl-touchpoint-text.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-date-text.h"
#include "sl-touchpoint-text.h"

static void
touchpoint_clear (SlTouchpointText *touchpoint)
{
  g_free (touchpoint->channel);
  g_free (touchpoint->campaign);
}

GArray *
sl_touchpoint_text_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (SlTouchpointText));

  g_array_set_clear_func (array, (GDestroyNotify)touchpoint_clear);
  return array;
}

static gboolean
parse_entry (const char        *entry,
             SlDateOrder        order,
             SlTouchpointText  *out,
             GError           **error)
{
  g_autofree char *copy = g_strdup (entry);
  char *at = strrchr (copy, '@');
  char *slash;

  if (at == NULL)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW,
                   /* Translators: %s is one touchpoint as the file holds it;
                    * keep CHANNEL@DATE and CHANNEL/CAMPAIGN@DATE as they are */
                   _("“%s” is not CHANNEL@DATE or CHANNEL/CAMPAIGN@DATE"), entry);
      return FALSE;
    }
  *at = '\0';
  if (!sl_date_text_parse (g_strstrip (at + 1), order, &out->day))
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW,
                   /* Translators: the first %s is a touchpoint, the second its date,
                    * the third a date order like “dmy” */
                   _("touchpoint “%s”: “%s” is not a date (%s)"),
                   entry, at + 1, sl_date_order_to_string (order));
      return FALSE;
    }
  slash = strchr (copy, '/');
  if (slash != NULL)
    *slash = '\0';
  if (*g_strstrip (copy) == '\0')
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW,
                   /* Translators: %s is a touchpoint */
                   _("touchpoint “%s” has no channel"), entry);
      return FALSE;
    }
  out->channel = g_strdup (copy);
  out->campaign = slash != NULL && *g_strstrip (slash + 1) != '\0' ? g_strdup (slash + 1) : NULL;
  return TRUE;
}

gboolean
sl_touchpoint_text_parse (const char   *text,
                          SlDateOrder   order,
                          GArray       *touchpoints,
                          GError      **error)
{
  g_auto(GStrv) entries = NULL;

  g_return_val_if_fail (text != NULL && touchpoints != NULL, FALSE);

  entries = g_strsplit (text, ";", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      SlTouchpointText touchpoint = { 0 };

      if (*g_strstrip (entries[i]) == '\0')
        continue;
      if (!parse_entry (entries[i], order, &touchpoint, error))
        return FALSE;
      g_array_append_val (touchpoints, touchpoint);
    }
  return TRUE;
}
