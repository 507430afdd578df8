/* sl-new-workspace-dialog.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sl-money.h"
#include "sl-new-workspace-dialog.h"

struct _SlNewWorkspaceDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *name_row;
  AdwEntryRow      *currency_row;
  AdwComboRow      *calendar_row;
  AdwComboRow      *month_row;
};

G_DEFINE_FINAL_TYPE (SlNewWorkspaceDialog, sl_new_workspace_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The currency of the user's locale ("EUR " → "EUR"), else USD. */
static char *
dup_locale_currency (void)
{
  const struct lconv *conv = localeconv ();
  g_autofree char *code = NULL;

  if (conv != NULL && conv->int_curr_symbol != NULL)
    code = g_strstrip (g_strndup (conv->int_curr_symbol, 3));
  if (code == NULL || !sl_currency_is_valid (code))
    return g_strdup ("USD");
  return g_steal_pointer (&code);
}

static void
fill_months (SlNewWorkspaceDialog *self)
{
  SlCalendar calendar = sl_new_workspace_dialog_get_calendar (self);
  guint selected = adw_combo_row_get_selected (self->month_row);
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);

  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *name = sl_calendar_month_name (calendar, month, NULL);

      gtk_string_list_append (months, name);
    }

  adw_combo_row_set_model (self->month_row, G_LIST_MODEL (months));
  adw_combo_row_set_selected (self->month_row, selected < 12 ? selected : 0);
}

static void
validate_cb (SlNewWorkspaceDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *currency = NULL;
  gboolean currency_ok;

  /* Also runs while the template is built, before the rows are set. */
  if (self->name_row == NULL || self->currency_row == NULL)
    return;

  name = sl_new_workspace_dialog_dup_name (self);
  currency = sl_new_workspace_dialog_dup_currency (self);
  currency_ok = sl_currency_is_valid (currency);

  if (currency_ok || *currency == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->currency_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->currency_row), "error");

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create",
                                           *name != '\0' && currency_ok);
}

static void
calendar_changed_cb (SlNewWorkspaceDialog *self)
{
  /* Also runs while the template is built, before month_row is set. */
  if (self->month_row != NULL)
    fill_months (self);
}

static void
sl_new_workspace_dialog_class_init (SlNewWorkspaceDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sl-new-workspace-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SlNewWorkspaceDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SlNewWorkspaceDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SlNewWorkspaceDialog, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, SlNewWorkspaceDialog, month_row);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_changed_cb);
}

static void
sl_new_workspace_dialog_init (SlNewWorkspaceDialog *self)
{
  g_autofree char *currency = dup_locale_currency ();

  gtk_widget_init_template (GTK_WIDGET (self));

  fill_months (self);
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), currency);
  /* Translators: the suggested name of a new workspace */
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), _("Marketing Budget"));
  validate_cb (self);
}

GtkWidget *
sl_new_workspace_dialog_new (GtkWindow *parent)
{
  return g_object_new (SL_TYPE_NEW_WORKSPACE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

char *
sl_new_workspace_dialog_dup_name (SlNewWorkspaceDialog *self)
{
  g_return_val_if_fail (SL_IS_NEW_WORKSPACE_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

char *
sl_new_workspace_dialog_dup_currency (SlNewWorkspaceDialog *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SL_IS_NEW_WORKSPACE_DIALOG (self), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row))));
  return g_ascii_strup (text, -1);
}

SlCalendar
sl_new_workspace_dialog_get_calendar (SlNewWorkspaceDialog *self)
{
  g_return_val_if_fail (SL_IS_NEW_WORKSPACE_DIALOG (self), SL_CALENDAR_GREGORIAN);

  switch (adw_combo_row_get_selected (self->calendar_row))
    {
    case 1:
      return SL_CALENDAR_SOLAR_HIJRI;
    case 2:
      return SL_CALENDAR_THAI;
    default:
      return SL_CALENDAR_GREGORIAN;
    }
}

int
sl_new_workspace_dialog_get_fiscal_start (SlNewWorkspaceDialog *self)
{
  guint selected;

  g_return_val_if_fail (SL_IS_NEW_WORKSPACE_DIALOG (self), 1);

  selected = adw_combo_row_get_selected (self->month_row);
  return selected < 12 ? (int)selected + 1 : 1;
}
