import { Button, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogFilters } from './catalog-filters';
import { hasFilters } from './catalog-filters';
import { FORMATS, MODALITIES, PURPOSES, SECTORS, SENSITIVITIES } from './enums';

type EnumFilter = 'modality' | 'format' | 'sector' | 'sensitivity' | 'purpose';

/**
 * The catalog's search and filters, each one of the API's datasets(...) arguments. Choosing a
 * value applies it at once; text applies on Enter (or the search button) and on leaving the field.
 */
export function CatalogFilterBar({
  value,
  onChange,
}: {
  value: CatalogFilters;
  onChange: (filters: CatalogFilters) => void;
}) {
  const { t } = useTranslation('data');
  const [search, setSearch] = useState(value.search ?? '');
  const [robotType, setRobotType] = useState(value.robotType ?? '');
  // The URL may change under us (back button): follow it.
  useEffect(() => setSearch(value.search ?? ''), [value.search]);
  useEffect(() => setRobotType(value.robotType ?? ''), [value.robotType]);

  const set = (patch: CatalogFilters) => onChange({ ...value, ...patch });
  const enumSelect = (key: EnumFilter, values: readonly string[], enumName: string) => (
    <Form.Item label={t(`filters.${key}`)} htmlFor={`catalog-${key}`} style={{ marginBottom: 8 }}>
      <Select
        id={`catalog-${key}`}
        allowClear
        placeholder={t('catalog.any')}
        style={{ width: 150 }}
        value={value[key]}
        onChange={(v: string | undefined) => set({ [key]: v ?? undefined })}
        options={values.map((v) => ({
          value: v,
          label: t(`enums.${enumName}.${v}` as 'enums.Purpose.RESEARCH'),
        }))}
      />
    </Form.Item>
  );

  return (
    <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }} onSubmitCapture={(e) => e.preventDefault()}>
      <Form.Item label={t('catalog.searchLabel')} htmlFor="catalog-search" style={{ marginBottom: 8 }}>
        <Input.Search
          id="catalog-search"
          allowClear
          style={{ width: 260 }}
          placeholder={t('catalog.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => set({ search: v.trim() || undefined })}
        />
      </Form.Item>
      {enumSelect('modality', MODALITIES, 'DataModality')}
      {enumSelect('format', FORMATS, 'DatasetFormat')}
      <Form.Item label={t('filters.robotType')} htmlFor="catalog-robotType" style={{ marginBottom: 8 }}>
        <Input
          id="catalog-robotType"
          allowClear
          style={{ width: 150 }}
          placeholder={t('filters.robotTypePlaceholder')}
          value={robotType}
          onChange={(e) => {
            setRobotType(e.target.value);
            // The clear button empties the field: apply that at once.
            if (e.type === 'click') set({ robotType: undefined });
          }}
          onPressEnter={() => set({ robotType: robotType.trim() || undefined })}
          onBlur={() => {
            if ((value.robotType ?? '') !== robotType.trim())
              set({ robotType: robotType.trim() || undefined });
          }}
        />
      </Form.Item>
      {enumSelect('sector', SECTORS, 'Sector')}
      {enumSelect('sensitivity', SENSITIVITIES, 'DatasetSensitivity')}
      {enumSelect('purpose', PURPOSES, 'Purpose')}
      {hasFilters(value) ? (
        <Form.Item style={{ marginBottom: 8 }}>
          <Button onClick={() => onChange({})}>{t('catalog.clear')}</Button>
        </Form.Item>
      ) : null}
    </Form>
  );
}
