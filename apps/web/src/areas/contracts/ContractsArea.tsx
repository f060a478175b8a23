import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ContractDiffPage } from './ContractDiffPage';
import { ContractEditorPage } from './ContractEditorPage';
import { ContractListPage } from './ContractListPage';
import { ContractPage } from './ContractPage';

/** /c/:consortiumId/contracts/* : list, contract, editor and version comparison. */
export function ContractsArea() {
  return (
    <Routes>
      <Route index element={<ContractListPage />} />
      <Route path=":contractId" element={<ContractPage />} />
      <Route path=":contractId/edit" element={<ContractEditorPage />} />
      <Route path=":contractId/diff" element={<ContractDiffPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
