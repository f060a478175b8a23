import {
  reviewFiltersFromSearchParams,
  reviewFiltersToSearchParams,
  reviewVariables,
  type ReviewFilters,
} from './review-filters';

describe('review queue filters', () => {
  it.each<[string, ReviewFilters]>([
    ['', { view: 'awaiting' }],
    ['view=mine', { view: 'mine' }],
    ['view=other&status=APPROVED', { view: 'awaiting', status: 'APPROVED' }],
    ['status=NOPE&overdue=maybe', { view: 'awaiting' }],
    ['overdue=true', { view: 'awaiting', overdue: true }],
    ['view=mine&overdue=false&status=WITHDRAWN', { view: 'mine', overdue: false, status: 'WITHDRAWN' }],
  ])('reads %j and writes it back', (query, expected) => {
    const filters = reviewFiltersFromSearchParams(new URLSearchParams(query));
    expect(filters).toEqual(expected);
    expect(reviewFiltersFromSearchParams(reviewFiltersToSearchParams(filters))).toEqual(expected);
  });

  it.each<[ReviewFilters, object]>([
    [{ view: 'awaiting' }, { consortiumId: 'c', first: 20, awaitingMyReview: true }],
    [
      { view: 'mine', status: 'APPROVED' },
      { consortiumId: 'c', first: 20, mine: true, status: 'APPROVED' },
    ],
    [
      { view: 'awaiting', overdue: false },
      { consortiumId: 'c', first: 20, awaitingMyReview: true, overdue: false },
    ],
  ])('asks the API for %j', (filters, expected) => {
    expect(reviewVariables('c', filters)).toEqual(expected);
  });
});
