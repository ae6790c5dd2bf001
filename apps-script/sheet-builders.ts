// Where the add-on gets its value builders (rich-text links, dropdown rules, filter criteria): SpreadsheetApp's, or the
// batched writer's own, which cost no service call.

export interface SheetBuilders {
  richText(): GoogleAppsScript.Spreadsheet.RichTextValueBuilder;
  validation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  criteria(): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;
}

export const appBuilders: SheetBuilders = {
  richText: () => SpreadsheetApp.newRichTextValue(),
  validation: () => SpreadsheetApp.newDataValidation(),
  criteria: () => SpreadsheetApp.newFilterCriteria(),
};
